package io.redress.privacy;

/** Erase the caller's account; {@code confirm} must be exactly {@value AccountErasure#CONFIRMATION}. */
record EraseAccountInput(String confirm) {
}

package io.redress.complaint;

/** What a complaint is about, so brands can find root causes. */
enum ComplaintCategory {
	DELIVERY, PRODUCT_QUALITY, REFUND, BILLING, CUSTOMER_SERVICE, WARRANTY, SUBSCRIPTION, PRIVACY, OTHER
}

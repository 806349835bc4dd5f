/** The shared kernel: global ids, pages, user errors and the exceptions every module may raise. */
package io.redress.shared;

package org.mutuality.platform.web;

import java.io.IOException;

/**
 * Raised while a request body is read, as soon as it grows past the size limit. It is an
 * {@link IOException} so that readers and message converters treat it as the failed read it is; the
 * exception handler and the error controller find it among the causes and answer 413.
 */
final class PayloadTooLargeException extends IOException {

	private final long limit;

	PayloadTooLargeException(long limit) {
		super("The request body is larger than " + MutualityWebProperties.describe(limit));
		this.limit = limit;
	}

	long limit() {
		return this.limit;
	}

	/** The payload-too-large exception among the causes of {@code ex}, or {@code null}. */
	static PayloadTooLargeException find(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof PayloadTooLargeException tooLarge) {
				return tooLarge;
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return null;
	}

	static String detail(long limit) {
		return "The request body is larger than the limit of " + MutualityWebProperties.describe(limit);
	}

}

package org.mutuality.booking.messaging;

/**
 * A record that cannot be read as the event it claims to be: retrying cannot help, so it goes to
 * the dead-letter topic at once.
 */
class UnreadableEventException extends RuntimeException {

	UnreadableEventException(String message) {
		super(message);
	}

	UnreadableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}

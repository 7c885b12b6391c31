package org.mutuality.local;

import java.nio.file.Path;

/**
 * A part of the stack did not start; says which, and where its log is.
 */
class StartupException extends RuntimeException {

	private final transient Path logFile;

	StartupException(String message, Path logFile) {
		super(message);
		this.logFile = logFile;
	}

	StartupException(String message, Path logFile, Throwable cause) {
		super(message, cause);
		this.logFile = logFile;
	}

	Path logFile() {
		return this.logFile;
	}

}

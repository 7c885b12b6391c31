package org.mutuality.platform.problem;

/**
 * A 412 problem: the request's {@code If-Match} does not match the resource's current
 * {@code ETag}, so the caller's copy is stale and the change was not made.
 */
public class PreconditionFailedException extends ProblemException {

	public PreconditionFailedException() {
		this("The resource has changed since it was read; fetch it again and retry");
	}

	public PreconditionFailedException(String detail) {
		super(412, null, null, detail);
	}

}

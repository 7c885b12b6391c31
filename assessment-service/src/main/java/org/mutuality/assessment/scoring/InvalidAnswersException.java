package org.mutuality.assessment.scoring;

import java.util.List;

/**
 * Thrown by {@link ScoringEngine#score} when answers cannot be scored; carries every
 * {@link AnswerError}, one per offending item id, for a 400 answer.
 */
public class InvalidAnswersException extends RuntimeException {

	private final String instrumentId;

	private final int instrumentVersion;

	private final List<AnswerError> errors;

	public InvalidAnswersException(String instrumentId, int instrumentVersion, List<AnswerError> errors) {
		super(errors.size() + " invalid answer(s) for " + instrumentId + "@" + instrumentVersion);
		this.instrumentId = instrumentId;
		this.instrumentVersion = instrumentVersion;
		this.errors = List.copyOf(errors);
	}

	public String getInstrumentId() {
		return this.instrumentId;
	}

	public int getInstrumentVersion() {
		return this.instrumentVersion;
	}

	/** Every error, one per offending item id, in the instrument's item order, unknown items last. */
	public List<AnswerError> getErrors() {
		return this.errors;
	}

}

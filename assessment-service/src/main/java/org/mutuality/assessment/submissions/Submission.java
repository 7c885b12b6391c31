package org.mutuality.assessment.submissions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.mutuality.assessment.instruments.RecommendationKind;
import org.mutuality.assessment.scoring.Answer;
import org.mutuality.assessment.scoring.ScoredAssessment;
import org.mutuality.assessment.scoring.SubscaleScore;

import org.springframework.data.domain.Persistable;

/**
 * One completed assessment: the answers as given and their result, scored under the instrument
 * version recorded with them. The result is stored as it was shown (labels and messages included),
 * so reading a submission never depends on the instrument definitions that ship later. Immutable once
 * stored.
 */
@Entity
@Table(name = "submissions")
class Submission implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(name = "assessment_id")
	private String assessmentId;

	@Column(name = "assessment_version")
	private int assessmentVersion;

	@Column(name = "client_id")
	private UUID clientId;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@JdbcTypeCode(SqlTypes.JSON)
	private List<StoredAnswer> answers;

	@Column(name = "total_score")
	private int totalScore;

	@Column(name = "band_code")
	private String bandCode;

	@Column(name = "band_label")
	private String bandLabel;

	@Column(name = "band_description")
	private String bandDescription;

	@JdbcTypeCode(SqlTypes.JSON)
	private List<StoredSubscale> subscales;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(name = "risk_flags")
	private List<String> riskFlags;

	@Enumerated(EnumType.STRING)
	@Column(name = "recommendation_kind")
	private RecommendationKind recommendationKind;

	@Column(name = "recommendation_message")
	private String recommendationMessage;

	@Column(name = "consent_to_contact")
	private boolean consentToContact;

	@Transient
	private boolean stored = true;

	protected Submission() {
	}

	static Submission of(UUID clientId, Instant submittedAt, List<Answer> answers, ScoredAssessment result,
			boolean consentToContact) {
		Submission submission = new Submission();
		submission.id = UUID.randomUUID();
		submission.stored = false;
		submission.assessmentId = result.instrumentId();
		submission.assessmentVersion = result.instrumentVersion();
		submission.clientId = clientId;
		submission.submittedAt = submittedAt;
		submission.answers = answers.stream().map((answer) -> new StoredAnswer(answer.itemId(), answer.value())).toList();
		submission.totalScore = result.totalScore();
		submission.bandCode = result.band().code();
		submission.bandLabel = result.band().label();
		submission.bandDescription = result.band().description();
		submission.subscales = result.subscales().stream().map(StoredSubscale::of).toList();
		submission.riskFlags = List.copyOf(result.riskFlags());
		submission.recommendationKind = result.recommendation().kind();
		submission.recommendationMessage = result.recommendation().message();
		submission.consentToContact = consentToContact;
		return submission;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	/** Whether it is yet to be inserted: its id is assigned here, so an insert needs no select first. */
	@Override
	public boolean isNew() {
		return !this.stored;
	}

	@PostPersist
	void stored() {
		this.stored = true;
	}

	String getAssessmentId() {
		return this.assessmentId;
	}

	int getAssessmentVersion() {
		return this.assessmentVersion;
	}

	UUID getClientId() {
		return this.clientId;
	}

	Instant getSubmittedAt() {
		return this.submittedAt;
	}

	List<StoredAnswer> getAnswers() {
		return this.answers;
	}

	int getTotalScore() {
		return this.totalScore;
	}

	String getBandCode() {
		return this.bandCode;
	}

	String getBandLabel() {
		return this.bandLabel;
	}

	String getBandDescription() {
		return this.bandDescription;
	}

	List<StoredSubscale> getSubscales() {
		return this.subscales;
	}

	List<String> getRiskFlags() {
		return this.riskFlags;
	}

	RecommendationKind getRecommendationKind() {
		return this.recommendationKind;
	}

	String getRecommendationMessage() {
		return this.recommendationMessage;
	}

	boolean isConsentToContact() {
		return this.consentToContact;
	}

	/** An answer as stored in the {@code answers} JSON column. */
	record StoredAnswer(String itemId, int value) {
	}

	/** A subscale score as stored in the {@code subscales} JSON column. */
	record StoredSubscale(String code, String label, int score, int minScore, int maxScore) {

		static StoredSubscale of(SubscaleScore score) {
			return new StoredSubscale(score.code(), score.label(), score.score(), score.minScore(), score.maxScore());
		}

	}

}

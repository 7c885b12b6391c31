package org.mutuality.assessment.submissions;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import org.mutuality.assessment.instruments.Instrument;
import org.mutuality.assessment.instruments.InstrumentRegistry;
import org.mutuality.assessment.outbox.Outbox;
import org.mutuality.assessment.scoring.Answer;
import org.mutuality.assessment.scoring.AnswerError;
import org.mutuality.assessment.scoring.ScoredAssessment;
import org.mutuality.assessment.scoring.ScoringEngine;
import org.mutuality.platform.idempotency.IdempotencyKeys;
import org.mutuality.platform.problem.FieldViolation;
import org.mutuality.platform.problem.NotFoundException;
import org.mutuality.platform.problem.ValidationProblem;
import org.mutuality.platform.security.CurrentUser;
import org.mutuality.platform.text.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes, scores and reads submissions. A submission and its {@code assessment.completed.v1} event
 * are committed in one transaction (the event goes to the outbox); a client only ever sees their own
 * submissions, therapists and admins see all.
 */
@Service
@Transactional(readOnly = true)
class SubmissionService {

	private static final Logger logger = LoggerFactory.getLogger(SubmissionService.class);

	private final InstrumentRegistry registry;

	private final ScoringEngine scoring;

	private final SubmissionRepository submissions;

	private final Outbox outbox;

	private final AssessmentEventsProperties events;

	private final IdempotencyKeys idempotencyKeys;

	private final JsonMapper json;

	private final Clock clock;

	SubmissionService(InstrumentRegistry registry, ScoringEngine scoring, SubmissionRepository submissions,
			Outbox outbox, AssessmentEventsProperties events, IdempotencyKeys idempotencyKeys, JsonMapper json,
			Clock clock) {
		this.registry = registry;
		this.scoring = scoring;
		this.submissions = submissions;
		this.outbox = outbox;
		this.events = events;
		this.idempotencyKeys = idempotencyKeys;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Scores the answers under the current version of the assessment, stores the submission with
	 * that version, and queues its event.
	 * @throws NotFoundException if there is no such assessment
	 * @throws ValidationProblem with one error per offending item id
	 */
	@Transactional
	Submitted submit(String assessmentId, SubmitAssessmentRequest request, CurrentUser client, String idempotencyKey) {
		Instrument instrument = this.registry.current(assessmentId)
			.orElseThrow(() -> NotFoundException.of("Assessment", assessmentId));
		if (idempotencyKey != null) {
			Optional<IdempotencyKeys.Stored> previous = this.idempotencyKeys.claim(client.id(), idempotencyKey,
					hash(assessmentId, request));
			if (previous.isPresent()) {
				return new Submitted(null, previous.get());
			}
		}
		List<Answer> answers = request.answers()
			.stream()
			.map((answer) -> new Answer(answer.itemId(), answer.value()))
			.toList();
		List<AnswerError> errors = this.scoring.validate(instrument, answers);
		if (!errors.isEmpty()) {
			throw new ValidationProblem("The answers cannot be scored; see errors for each item",
					errors.stream().map((error) -> new FieldViolation(error.field(), error.message())).toList());
		}
		ScoredAssessment result = this.scoring.score(instrument, answers);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Submission submission = this.submissions.save(Submission.of(client.id(), now, answers, result,
				request.consents()));
		this.outbox.append(this.events.topic(), client.id().toString(), AssessmentCompletedEvent.TYPE,
				AssessmentCompletedEvent.of(submission, client.displayName(), client.email()));
		logger.debug("Stored submission {} of {} v{} and queued its event", submission.getId(),
				submission.getAssessmentId(), submission.getAssessmentVersion());
		SubmissionResponse response = SubmissionResponse.of(submission);
		if (idempotencyKey != null) {
			this.idempotencyKeys.storeAnswer(client.id(), idempotencyKey, 201, this.json.writeValueAsString(response),
					submission.getId());
		}
		return new Submitted(response, null);
	}

	/** What tells a repeated submission from another: the assessment, each answer in order, the consent. */
	private static String hash(String assessmentId, SubmitAssessmentRequest request) {
		StringBuilder canonical = new StringBuilder(assessmentId).append('\n').append(request.consents());
		for (SubmitAssessmentRequest.AnswerRequest answer : request.answers()) {
			canonical.append('\n').append(answer.itemId()).append('=').append(answer.value());
		}
		return Sha256.hex(canonical.toString());
	}

	/**
	 * A submission just stored, or the answer stored for the first request with the same
	 * {@code Idempotency-Key}.
	 */
	record Submitted(SubmissionResponse submission, IdempotencyKeys.Stored replayedAnswer) {

		boolean replayed() {
			return this.replayedAnswer != null;
		}

	}

	/** Newest first; a client's list holds only their own submissions, whatever the filters say. */
	PageResponse<SubmissionResponse> list(SubmissionFilter filter, int page, int size, CurrentUser user) {
		if (filter.assessmentId() != null && this.registry.versions(filter.assessmentId()).isEmpty()) {
			throw ValidationProblem.of("assessmentId", "is not a known assessment");
		}
		UUID clientId = filter.clientId();
		boolean restrictedToOwn = !seesAll(user);
		Specification<Submission> specification = (root, query, criteria) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (restrictedToOwn) {
				predicates.add(criteria.equal(root.get("clientId"), user.id()));
			}
			if (clientId != null) {
				predicates.add(criteria.equal(root.get("clientId"), clientId));
			}
			if (filter.assessmentId() != null) {
				predicates.add(criteria.equal(root.get("assessmentId"), filter.assessmentId()));
			}
			return criteria.and(predicates.toArray(Predicate[]::new));
		};
		PageRequest pageRequest = PageRequest.of(page, size,
				Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("id")));
		return PageResponse.of(this.submissions.findAll(specification, pageRequest), SubmissionResponse::of);
	}

	/**
	 * The submission, if the user may see it.
	 * @throws NotFoundException if it does not exist or belongs to another client
	 */
	SubmissionResponse get(UUID id, CurrentUser user) {
		return this.submissions.findById(id)
			.filter((submission) -> seesAll(user) || submission.getClientId().equals(user.id()))
			.map(SubmissionResponse::of)
			.orElseThrow(() -> NotFoundException.of("Submission", id));
	}

	private static boolean seesAll(CurrentUser user) {
		return user.isTherapist() || user.isAdmin();
	}

}

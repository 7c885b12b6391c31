package org.mutuality.booking.bookings;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.mutuality.booking.availability.TherapistRules;
import org.mutuality.booking.followups.FollowUpService;
import org.mutuality.booking.notifications.BookingNotice;
import org.mutuality.booking.notifications.Notifications;
import org.mutuality.booking.slots.BookedPeriod;
import org.mutuality.booking.slots.Slot;
import org.mutuality.booking.slots.SlotExpander;
import org.mutuality.booking.slots.SlotRules;
import org.mutuality.booking.therapists.Therapist;
import org.mutuality.booking.therapists.TherapistRepository;
import org.mutuality.booking.therapists.TimeZones;
import org.mutuality.platform.idempotency.IdempotencyKeys;
import org.mutuality.platform.problem.ConflictException;
import org.mutuality.platform.problem.ValidationProblem;
import org.mutuality.platform.security.CurrentUser;
import org.mutuality.platform.text.PlainLine;
import org.mutuality.platform.text.Sha256;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books, cancels and reschedules free consultations so that no therapist is ever double-booked
 * and no client holds two upcoming consultations.
 *
 * <p>A booking must hit a slot the therapist's rules offer now. Two requests for one slot can both
 * pass that check; the database's exclusion constraint then lets exactly one insert succeed, and
 * that failure answers 409 {@code slot-unavailable} like the check. Overlapping bookings of one
 * therapist are written one transaction at a time (the calendar locks of {@link BookingLocks}), so
 * the loser's insert meets the winner's committed booking instead of a deadlock. The one-upcoming-consultation
 * rule is made atomic by a per-client advisory lock taken before the check: a client's concurrent
 * attempts run one after the other, so the second sees the first's booking. A reschedule locks the
 * booking's row and moves it in one update, which the same constraint guards: it moves or stays.
 * Each change queues its emails ({@link Notifications}) in its own transaction, so they go out
 * exactly when it was committed.
 */
@Service
class BookingService {

	/** The length of the initials' column: calendars show no more of a client. */
	static final int MAX_INITIALS_LENGTH = 8;

	private final BookingRepository bookings;

	private final BookedPeriods bookedPeriods;

	private final TherapistRepository therapists;

	private final IdempotencyKeys idempotencyKeys;

	private final BookingLocks locks;

	private final FollowUpService followUps;

	private final Notifications notifications;

	private final JsonMapper json;

	private final Clock clock;

	BookingService(BookingRepository bookings, BookedPeriods bookedPeriods, TherapistRepository therapists,
			IdempotencyKeys idempotencyKeys, BookingLocks locks, FollowUpService followUps,
			Notifications notifications, JsonMapper json, Clock clock) {
		this.bookings = bookings;
		this.bookedPeriods = bookedPeriods;
		this.therapists = therapists;
		this.idempotencyKeys = idempotencyKeys;
		this.locks = locks;
		this.followUps = followUps;
		this.notifications = notifications;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Books the slot for the client. With an idempotency key, a repeated request answers what the
	 * first one answered, and another request with the same key is a conflict.
	 */
	@Transactional
	Booked book(CurrentUser client, BookingRequest request, String idempotencyKey) {
		Instant now = this.clock.instant();
		ZoneId clientZone = (request.timeZone() != null) ? TimeZones.parse(request.timeZone())
			.orElseThrow(() -> ValidationProblem.of("timeZone", TimeZones.INVALID)) : null;
		if (idempotencyKey != null) {
			Optional<IdempotencyKeys.Stored> previous = this.idempotencyKeys.claim(client.id(), idempotencyKey,
					hash(request));
			if (previous.isPresent()) {
				return new Booked(null, previous.get());
			}
		}
		Therapist therapist = this.therapists.findById(request.therapistId())
			.orElseThrow(() -> ValidationProblem.of("therapistId", "is not a therapist"));
		// a taken slot answers before the client's lock: most of a crowd racing for one slot leaves here, after
		// two reads; the exclusion constraint still decides between those that get past it
		Slot slot = freeSlot(therapist, request.start().toInstant(), null, now);
		this.locks.client(client.id());
		if (this.bookings.hasUpcoming(client.id(), now)) {
			throw new ConflictException("consultation-limit",
					"You already have an upcoming free consultation; cancel or reschedule it instead");
		}
		Booking booking = new Booking(UUID.randomUUID(), therapist.getId(), client.id(), initials(client),
				slot.start(), slot.end(), blankToNull(request.note()), request.followUpId(), now);
		booking.setClientContact(blankToNull(client.email()), blankToNull(client.displayName()),
				(clientZone != null) ? clientZone.getId() : null);
		// the follow-up first: one that is not the client's is a 400 before the booking's row refers to it
		if (request.followUpId() != null) {
			this.followUps.booked(request.followUpId(), client.id(), booking.getId());
		}
		insertOrUpdate(booking, therapist, now);
		this.notifications.bookingConfirmed(notice(booking, therapist));
		BookingResponse response = BookingResponse.of(booking);
		if (idempotencyKey != null) {
			this.idempotencyKeys.storeAnswer(client.id(), idempotencyKey, 201, this.json.writeValueAsString(response),
					booking.getId());
		}
		return new Booked(response, null);
	}

	@Transactional
	BookingResponse cancel(CurrentUser user, UUID id, String reason) {
		Booking booking = BookingQueryService.visible(this.bookings.findByIdForUpdate(id).orElse(null), user, id);
		Instant now = this.clock.instant();
		requireUpcoming(booking, now);
		booking.cancel(blankToNull(reason), now);
		if (booking.getFollowUpId() != null) {
			this.followUps.bookingCancelled(booking.getFollowUpId(), booking.getId());
		}
		this.notifications.bookingCancelled(notice(booking, therapistOf(booking)));
		return BookingResponse.of(booking);
	}

	@Transactional
	BookingResponse reschedule(CurrentUser user, UUID id, Instant start) {
		Booking booking = BookingQueryService.visible(this.bookings.findByIdForUpdate(id).orElse(null), user, id);
		Instant now = this.clock.instant();
		requireUpcoming(booking, now);
		Therapist therapist = therapistOf(booking);
		Slot slot = freeSlot(therapist, start, booking.getId(), now);
		booking.moveTo(slot.start(), slot.end());
		insertOrUpdate(booking, therapist, now);
		this.notifications.bookingRescheduled(notice(booking, therapist));
		return BookingResponse.of(booking);
	}

	private Therapist therapistOf(Booking booking) {
		return this.therapists.findById(booking.getTherapistId())
			.orElseThrow(() -> new IllegalStateException(
					"The therapist of booking " + booking.getId() + " is missing"));
	}

	/** What the emails about the booking may say: times, names, addresses and zones, nothing else. */
	private static BookingNotice notice(Booking booking, Therapist therapist) {
		return new BookingNotice(booking.getId(), booking.getSequence(), booking.getStart(), booking.getEnd(),
				booking.getClientEmail(), booking.getClientName(), booking.getClientInitials(),
				(booking.getClientTimeZone() != null) ? ZoneId.of(booking.getClientTimeZone()) : null,
				therapist.getDisplayName(), therapist.getEmail(), therapist.getZone());
	}

	/** The free slot starting at the instant, leaving out the booking being moved, if any. */
	private Slot freeSlot(Therapist therapist, Instant start, UUID movingBooking, Instant now) {
		SlotRules rules = TherapistRules.of(therapist);
		Duration reach = Duration.ofMinutes(rules.bufferMinutes() + rules.consultationMinutes());
		Instant from = start.minus(reach);
		Instant to = start.plus(reach);
		List<BookedPeriod> booked = (movingBooking != null)
				? this.bookedPeriods.overlappingExcept(therapist.getId(), from, to, movingBooking)
				: this.bookedPeriods.overlapping(therapist.getId(), from, to);
		return SlotExpander.freeSlotAt(rules, start, booked, now).orElseThrow(BookingService::slotUnavailable);
	}

	/**
	 * Writes the booking now, holding its time and the buffer around it on the therapist's calendar,
	 * so that the exclusion constraint answers inside this method and never waits for another
	 * writer's undecided booking. Once the calendar is held, the slot is checked again: a booking
	 * that another writer committed meanwhile next to it, inside the buffer, does not overlap it and
	 * so escapes the constraint.
	 */
	private void insertOrUpdate(Booking booking, Therapist therapist, Instant now) {
		Duration buffer = Duration.ofMinutes(therapist.getBufferMinutes());
		this.locks.calendar(booking.getTherapistId(), booking.getStart().minus(buffer), booking.getEnd().plus(buffer));
		freeSlot(therapist, booking.getStart(), booking.getId(), now);
		try {
			this.bookings.saveAndFlush(booking);
		}
		catch (DataAccessException ex) {
			if (isExclusionViolation(ex)) {
				throw slotUnavailable();
			}
			throw ex;
		}
	}

	/**
	 * A booking can be cancelled or moved while it is confirmed and has not begun: one that has taken place (or is
	 * taking place) stays in the calendars and the follow-up as it happened.
	 */
	private static void requireUpcoming(Booking booking, Instant now) {
		if (!booking.isConfirmed()) {
			throw new ConflictException("booking-cancelled", "This booking is cancelled");
		}
		if (!booking.getStart().isAfter(now)) {
			throw new ConflictException("booking-started",
					"This consultation has already begun or taken place; it can no longer be cancelled or moved");
		}
	}

	private static ConflictException slotUnavailable() {
		return new ConflictException("slot-unavailable", "This slot is not free; choose another one from the slots");
	}

	/** PostgreSQL's {@code exclusion_violation}: another confirmed booking overlaps. */
	static boolean isExclusionViolation(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "23P01".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * "Alex Morgan" gives "A.M.": calendars name no client in full. At most three initials, and at most
	 * {@value #MAX_INITIALS_LENGTH} characters however the letters grow in upper case ("ß" becomes "SS").
	 */
	static String initials(CurrentUser user) {
		String name = (user.displayName() != null) ? user.displayName() : PlainLine.of(user.username());
		if (name == null || name.isEmpty()) {
			return "";
		}
		StringBuilder initials = new StringBuilder();
		int count = 0;
		for (String word : name.split("\\s+")) {
			if (word.isEmpty()) {
				continue;
			}
			String initial = Character.toString(word.codePointAt(0)).toUpperCase(Locale.ROOT) + ".";
			if (count == 3 || initials.length() + initial.length() > MAX_INITIALS_LENGTH) {
				break;
			}
			initials.append(initial);
			count++;
		}
		return initials.toString();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String hash(BookingRequest request) {
		return Sha256.hex(request.therapistId() + "\n" + request.start().toInstant() + "\n"
				+ blankToNull(request.note()) + "\n" + request.followUpId()
				+ ((request.timeZone() != null) ? "\n" + request.timeZone() : ""));
	}

	/**
	 * The answer to a booking request: a new booking, or the stored body of the first answer to a
	 * repeated one.
	 *
	 * @param booking the new booking, when there is one
	 * @param replayedAnswer the first answer, when replayed
	 */
	record Booked(BookingResponse booking, IdempotencyKeys.Stored replayedAnswer) {

		boolean replayed() {
			return this.replayedAnswer != null;
		}

	}

}

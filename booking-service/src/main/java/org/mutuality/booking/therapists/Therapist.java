package org.mutuality.booking.therapists;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A therapist's profile and booking settings. The id is the therapist's user id (the token's
 * {@code sub}). The availability rules are kept as the JSON document the availability package
 * reads and writes; the zone they are written in is {@link #getTimeZone()}. The email address is
 * taken from the therapist's token each time they save their profile.
 */
@Entity
@Table(name = "therapists")
public class Therapist {

	/** The availability of a therapist who has not set any: no working hours. */
	public static final String NO_AVAILABILITY = "{\"weekly\":[],\"overrides\":[]}";

	@Id
	private UUID id;

	private String displayName;

	private String bio;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> specialties = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	private List<String> languages = new ArrayList<>();

	private String timeZone;

	private int consultationMinutes;

	private int bufferMinutes;

	private int minimumNoticeHours;

	private int horizonDays;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private String availability = NO_AVAILABILITY;

	private String calendarTokenHash;

	private String email;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Therapist() {
	}

	public Therapist(UUID id, Instant now) {
		this.id = id;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Replaces the profile and booking settings (not the availability). */
	public void updateProfile(Profile profile, Instant now) {
		this.displayName = profile.displayName();
		this.bio = profile.bio();
		this.specialties = new ArrayList<>(profile.specialties());
		this.languages = new ArrayList<>(profile.languages());
		this.timeZone = profile.timeZone().getId();
		this.consultationMinutes = profile.consultationMinutes();
		this.bufferMinutes = profile.bufferMinutes();
		this.minimumNoticeHours = profile.minimumNoticeHours();
		this.horizonDays = profile.horizonDays();
		this.updatedAt = now;
	}

	/** Replaces the availability rules and the zone they are written in. */
	public void updateAvailability(ZoneId zone, String availabilityJson, Instant now) {
		this.timeZone = zone.getId();
		this.availability = availabilityJson;
		this.updatedAt = now;
	}

	/** Sets the address booking emails go to (from the therapist's token); {@code null} leaves it as it is. */
	public void setEmail(String email, Instant now) {
		if (email != null && !email.isBlank() && !email.strip().equals(this.email)) {
			this.email = email.strip();
			this.updatedAt = now;
		}
	}

	/** Sets (or, with {@code null}, revokes) the hash of the calendar subscription token. */
	public void setCalendarTokenHash(String calendarTokenHash, Instant now) {
		this.calendarTokenHash = calendarTokenHash;
		this.updatedAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getBio() {
		return this.bio;
	}

	public List<String> getSpecialties() {
		return List.copyOf(this.specialties);
	}

	public List<String> getLanguages() {
		return List.copyOf(this.languages);
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public ZoneId getZone() {
		return ZoneId.of(this.timeZone);
	}

	public int getConsultationMinutes() {
		return this.consultationMinutes;
	}

	public int getBufferMinutes() {
		return this.bufferMinutes;
	}

	public int getMinimumNoticeHours() {
		return this.minimumNoticeHours;
	}

	public int getHorizonDays() {
		return this.horizonDays;
	}

	public String getAvailability() {
		return this.availability;
	}

	/** The address booking emails go to; {@code null} until the therapist saves their profile. */
	public String getEmail() {
		return this.email;
	}

	public String getCalendarTokenHash() {
		return this.calendarTokenHash;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/**
	 * A validated profile.
	 *
	 * @param displayName the name shown to clients
	 * @param bio a short introduction
	 * @param specialties what the therapist works on
	 * @param languages the languages consultations can be held in
	 * @param timeZone the therapist's zone
	 * @param consultationMinutes the length of a free consultation, 15 to 90
	 * @param bufferMinutes the time kept free before and after each booking
	 * @param minimumNoticeHours how long before its start a slot can still be booked
	 * @param horizonDays how many days ahead slots are offered
	 */
	public record Profile(String displayName, String bio, List<String> specialties, List<String> languages,
			ZoneId timeZone, int consultationMinutes, int bufferMinutes, int minimumNoticeHours, int horizonDays) {
	}

}

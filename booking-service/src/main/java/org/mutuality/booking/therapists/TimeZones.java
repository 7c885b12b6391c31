package org.mutuality.booking.therapists;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads the IANA time zone ids of the API ({@code Europe/London}).
 */
public final class TimeZones {

	private TimeZones() {
	}

	/** The zone of an IANA id (or {@code UTC}); empty for anything else, fixed offsets included. */
	public static Optional<ZoneId> parse(String id) {
		if (id == null || id.isBlank()) {
			return Optional.empty();
		}
		try {
			ZoneId zone = ZoneId.of(id);
			if (zone instanceof ZoneOffset && !"Z".equals(id)) {
				return Optional.empty();
			}
			return Optional.of(zone);
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The message of a violation for a value that is not a zone id. */
	public static final String INVALID = "must be an IANA time zone id, such as Europe/London";

}

package org.mutuality.booking.bookings;

import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mutuality.platform.security.CurrentUser;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pure helpers of {@link BookingService}.
 */
class BookingServiceTests {

	@Test
	void keepsOnlyTheClientsInitials() {
		assertThat(BookingService.initials(user("Alex Morgan", "client1"))).isEqualTo("A.M.");
		assertThat(BookingService.initials(user("  ada   lovelace king ", "x"))).isEqualTo("A.L.K.");
		assertThat(BookingService.initials(user(null, "jordan"))).isEqualTo("J.");
		assertThat(BookingService.initials(user(null, null))).isEmpty();
		assertThat(BookingService.initials(user("Émile Zola", "x"))).isEqualTo("É.Z.");
	}

	@Test
	void keepsTheInitialsWithinTheirColumnHoweverTheLettersGrowInUpperCase() {
		// "ß" is "SS" in upper case: three of them would take nine characters
		assertThat(BookingService.initials(user("ßa ßb ßc", "x"))).isEqualTo("SS.SS.");
		assertThat(BookingService.initials(user("\uD835\uDC00lpha \uD835\uDC01eta Gamma Delta", "x")))
			.isEqualTo("\uD835\uDC00.\uD835\uDC01.G.");
		assertThat(BookingService.initials(user("a b c d e", "x"))).isEqualTo("A.B.C.");
		assertThat(BookingService.initials(user(null, "line\nbreak"))).isEqualTo("L.B.");
	}

	@Test
	void recognisesAnExclusionViolationAnywhereInTheCauses() {
		SQLException exclusion = new SQLException("conflicting key value violates exclusion constraint", "23P01");
		SQLException unique = new SQLException("duplicate key", "23505");

		assertThat(BookingService.isExclusionViolation(new DataIntegrityViolationException("x", exclusion))).isTrue();
		assertThat(BookingService.isExclusionViolation(new DataIntegrityViolationException("x", unique))).isFalse();
	}

	@Test
	void readsInstantsAndDatesForTheBookingsList() {
		assertThat(InstantParameters.lowerBound("from", "2026-11-23")).hasToString("2026-11-23T00:00:00Z");
		assertThat(InstantParameters.upperBound("to", "2026-11-23")).hasToString("2026-11-24T00:00:00Z");
		assertThat(InstantParameters.lowerBound("from", "2026-11-23T10:00:00+01:00"))
			.hasToString("2026-11-23T09:00:00Z");
		assertThat(InstantParameters.lowerBound("from", null)).isNull();
	}

	private static CurrentUser user(String displayName, String username) {
		return new CurrentUser(UUID.randomUUID(), username, null, displayName, Set.of(CurrentUser.CLIENT));
	}

}

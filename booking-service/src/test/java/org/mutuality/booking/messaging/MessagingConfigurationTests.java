package org.mutuality.booking.messaging;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures of the follow-up consumer count as passing faults, retried for as long as they
 * last.
 */
class MessagingConfigurationTests {

	@Test
	void retriesDatabaseOutagesWhileTheyLast() {
		assertThat(MessagingConfiguration.isPassingFault(new ListenerExecutionFailedException("failed",
				new CannotCreateTransactionException("no connection", new ConnectException("refused")))))
			.isTrue();
		assertThat(MessagingConfiguration.isPassingFault(new TransientDataAccessResourceException("busy"))).isTrue();
	}

	@Test
	void doesNotTreatBugsOrBadDataAsPassing() {
		assertThat(MessagingConfiguration.isPassingFault(new ListenerExecutionFailedException("failed",
				new UnreadableEventException("not JSON")))).isFalse();
		assertThat(MessagingConfiguration.isPassingFault(new DataIntegrityViolationException("constraint"))).isFalse();
		assertThat(MessagingConfiguration.isPassingFault(new IllegalStateException("bug"))).isFalse();
	}

}

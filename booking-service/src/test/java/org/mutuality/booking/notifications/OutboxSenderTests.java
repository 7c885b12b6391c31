package org.mutuality.booking.notifications;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.mutuality.platform.test.infra.support.Ports;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sender's back-off and how it reads a failure.
 */
class OutboxSenderTests {

	@Test
	void doublesTheBackOffUpToTheCap() {
		NotificationProperties.Sender sender = new NotificationProperties.Sender(Duration.ofSeconds(5), 50,
				Duration.ofMinutes(1), Duration.ofHours(1), 10);

		assertThat(sender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(sender.backoff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(sender.backoff(6)).isEqualTo(Duration.ofMinutes(32));
		assertThat(sender.backoff(7)).isEqualTo(Duration.ofHours(1));
		assertThat(sender.backoff(60)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void readsAServerThatCannotBeReachedAsSuch() throws Exception {
		JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
		mailSender.setHost("127.0.0.1");
		mailSender.setPort(Ports.freePort());
		MimeMessage message = mailSender.createMimeMessage();
		message.setFrom("bookings@mutuality.test");
		message.setRecipients(MimeMessage.RecipientType.TO, "someone@mutuality.test");
		message.setText("Hello");

		MailException failure = catchThrowableOfType(MailException.class, () -> mailSender.send(message));

		assertThat(OutboxSender.Failure.of(failure)).isEqualTo(OutboxSender.Failure.SERVER_UNREACHABLE);
	}

}

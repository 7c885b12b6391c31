package org.mutuality.booking.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.mutuality.platform.test.infra.support.Ports;

/**
 * The SMTP server of the tests: a real GreenMail server, shared by every test class of the JVM (the
 * application context is shared too), reached through a small SMTP relay on another port that can
 * answer {@code RCPT TO} for chosen addresses with an error of the test's choosing (a full mailbox,
 * an unknown user) and passes everything else through to GreenMail unchanged. Tests read the
 * messages back from GreenMail and parse their MIME parts.
 */
public final class MailServer {

	private static MailServer shared;

	private static final Pattern RCPT = Pattern.compile("RCPT TO:\\s?<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

	private final GreenMail greenMail;

	private final ServerSocket relay;

	private final Map<String, String> refusals = new ConcurrentHashMap<>();

	private MailServer() throws IOException {
		this.greenMail = new GreenMail(new ServerSetup(Ports.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.greenMail.start();
		this.relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "smtp-relay");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public static synchronized MailServer shared() {
		if (shared == null) {
			try {
				shared = new MailServer();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return shared;
	}

	/** The port the application sends to: the relay in front of GreenMail. */
	public int port() {
		return this.relay.getLocalPort();
	}

	/** The properties that send an application's mail to this server. */
	public Map<String, Object> properties() {
		return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port());
	}

	/** From now on, answers {@code RCPT TO:<address>} with the reply, such as {@code 450 4.2.2 Mailbox full}. */
	public void refuse(String address, String reply) {
		this.refusals.put(address.toLowerCase(Locale.ROOT), reply);
	}

	/** Accepts the address again. */
	public void accept(String address) {
		this.refusals.remove(address.toLowerCase(Locale.ROOT));
	}

	/** The messages GreenMail received for the address, oldest first. */
	public List<ReceivedMail> messagesTo(String address) {
		List<ReceivedMail> messages = new ArrayList<>();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			try {
				Address[] to = message.getRecipients(Message.RecipientType.TO);
				if (to != null && Arrays.stream(to)
					.anyMatch((recipient) -> ((InternetAddress) recipient).getAddress().equalsIgnoreCase(address))) {
					messages.add(ReceivedMail.of(message));
				}
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return messages;
	}

	private void accept() {
		while (!this.relay.isClosed()) {
			try {
				Socket client = this.relay.accept();
				Thread session = new Thread(() -> relay(client), "smtp-relay-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	/**
	 * One session, in lock step: GreenMail's greeting, then each client command and GreenMail's
	 * reply (or the refusal in its place), the message text after {@code DATA} as it comes.
	 */
	private void relay(Socket client) {
		try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), this.greenMail.getSmtp().getPort())) {
			InputStream fromClient = client.getInputStream();
			OutputStream toClient = client.getOutputStream();
			InputStream fromServer = server.getInputStream();
			OutputStream toServer = server.getOutputStream();
			copyReply(fromServer, toClient);
			boolean data = false;
			byte[] line;
			while ((line = readLine(fromClient)) != null) {
				String text = new String(line, StandardCharsets.ISO_8859_1).strip();
				if (data) {
					toServer.write(line);
					if (text.equals(".")) {
						toServer.flush();
						data = false;
						copyReply(fromServer, toClient);
					}
					continue;
				}
				Matcher rcpt = RCPT.matcher(text);
				String refusal = rcpt.matches() ? this.refusals.get(rcpt.group(1).toLowerCase(Locale.ROOT)) : null;
				if (refusal != null) {
					toClient.write((refusal + "\r\n").getBytes(StandardCharsets.US_ASCII));
					toClient.flush();
					continue;
				}
				toServer.write(line);
				toServer.flush();
				String reply = copyReply(fromServer, toClient);
				data = text.equalsIgnoreCase("DATA") && reply.startsWith("354");
				if (text.equalsIgnoreCase("QUIT")) {
					return;
				}
			}
		}
		catch (IOException ex) {
			// the client or GreenMail went away: the session ends
		}
	}

	/** Copies one (possibly multi-line) SMTP reply; answers its last line. */
	private static String copyReply(InputStream from, OutputStream to) throws IOException {
		while (true) {
			byte[] line = readLine(from);
			if (line == null) {
				throw new IOException("The server closed the connection");
			}
			to.write(line);
			String text = new String(line, StandardCharsets.ISO_8859_1);
			if (text.length() < 4 || text.charAt(3) != '-') {
				to.flush();
				return text;
			}
		}
	}

	private static byte[] readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			line.write(b);
			if (b == '\n') {
				return line.toByteArray();
			}
		}
		return (line.size() > 0) ? line.toByteArray() : null;
	}

	/**
	 * A received message, its MIME parts read.
	 *
	 * @param from the sender's address
	 * @param to the recipients' addresses
	 * @param subject the subject
	 * @param messageId the {@code Message-ID}
	 * @param text the text/plain part
	 * @param html the text/html part
	 * @param ics the text/calendar part, or {@code null}
	 * @param icsMethod the {@code method} parameter of the text/calendar part, or {@code null}
	 * @param attachments the names of the attached files
	 */
	public record ReceivedMail(String from, List<String> to, String subject, String messageId, String text,
			String html, String ics, String icsMethod, List<String> attachments) {

		static ReceivedMail of(MimeMessage message) throws MessagingException, IOException {
			Parts parts = new Parts();
			parts.read(message);
			List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.map((address) -> ((InternetAddress) address).getAddress())
				.toList();
			return new ReceivedMail(((InternetAddress) message.getFrom()[0]).getAddress(), to, message.getSubject(),
					message.getMessageID(), parts.text, parts.html, parts.ics, parts.icsMethod, parts.attachments);
		}

		/** Everything a person could read in it: subject, both parts and the invitation. */
		public String everything() {
			return this.subject + "\n" + this.text + "\n" + this.html + "\n" + ((this.ics != null) ? this.ics : "");
		}

	}

	private static final class Parts {

		/** The decoded text of a part, in the charset its content type names. */
		static String text(Part part) throws MessagingException, IOException {
			Object content = part.getContent();
			if (content instanceof String text) {
				return text;
			}
			String charset = new ContentType(part.getContentType()).getParameter("charset");
			try (InputStream in = part.getInputStream()) {
				return new String(in.readAllBytes(), (charset != null) ? charset : "US-ASCII");
			}
		}

		private String text;

		private String html;

		private String ics;

		private String icsMethod;

		private final List<String> attachments = new ArrayList<>();

		void read(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					read(child);
				}
				return;
			}
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				this.attachments.add(part.getFileName());
			}
			else if (part.isMimeType("text/plain")) {
				this.text = text(part);
			}
			else if (part.isMimeType("text/html")) {
				this.html = text(part);
			}
			else if (part.isMimeType("text/calendar")) {
				this.ics = text(part);
				this.icsMethod = new ContentType(part.getContentType()).getParameter("method");
			}
		}

	}

}

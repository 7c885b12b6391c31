package org.mutuality.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The dev stack's mail server: an embedded GreenMail SMTP server that accepts every message the
 * applications send (booking-service's confirmations, reminders and invitations) and keeps it in
 * memory until the stack stops, and a small web page on another port to read them: a list (newest
 * first) with time, sender, recipients and subject, each message's text part and calendar
 * invitation, and the same as JSON ({@code /api/messages?to=...}) for scripts and tests. Both
 * listen on localhost only: this is for the dev stack, never for a deployment.
 */
final class DevMailbox implements AutoCloseable {

	private final GreenMail greenMail;

	private final HttpServer web;

	private DevMailbox(GreenMail greenMail, HttpServer web) {
		this.greenMail = greenMail;
		this.web = web;
	}

	/** Starts the SMTP server and the page; both are stopped by {@link #close()}. */
	static DevMailbox start(int smtpPort, int webPort) throws IOException {
		GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		HttpServer web;
		try {
			web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), webPort), 0);
		}
		catch (IOException ex) {
			greenMail.stop();
			throw ex;
		}
		DevMailbox mailbox = new DevMailbox(greenMail, web);
		web.createContext("/", mailbox::handle);
		web.setExecutor(Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "dev-mailbox");
			thread.setDaemon(true);
			return thread;
		}));
		web.start();
		return mailbox;
	}

	@Override
	public void close() {
		this.web.stop(0);
		this.greenMail.stop();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod())) {
				respond(exchange, 405, "text/plain", "Only GET");
				return;
			}
			URI uri = exchange.getRequestURI();
			String to = parameter(uri, "to");
			switch (uri.getPath()) {
				case "/" -> respond(exchange, 200, "text/html", listPage(messages(to)));
				case "/message" -> {
					Mail mail = messages(null).stream()
						.filter((candidate) -> candidate.id().equals(parameter(uri, "id")))
						.findFirst()
						.orElse(null);
					if (mail == null) {
						respond(exchange, 404, "text/plain", "No such message");
					}
					else {
						respond(exchange, 200, "text/html", messagePage(mail));
					}
				}
				case "/api/messages" -> respond(exchange, 200, "application/json", json(messages(to)));
				default -> respond(exchange, 404, "text/plain", "Not found");
			}
		}
		catch (RuntimeException ex) {
			respond(exchange, 500, "text/plain", "Could not read the messages: " + ex);
		}
	}

	/** The messages received, newest first; only those to the address when one is given. */
	List<Mail> messages(String to) {
		List<Mail> messages = new ArrayList<>();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			try {
				Mail mail = Mail.of(message);
				if (to == null || mail.to().stream().anyMatch(to::equalsIgnoreCase)) {
					messages.add(mail);
				}
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		messages.sort(Comparator.comparing(Mail::sentAt).reversed().thenComparing(Mail::id));
		return messages;
	}

	private static String listPage(List<Mail> messages) {
		StringBuilder html = page("Dev mailbox");
		html.append("<h1>Dev mailbox</h1>\n<p>Every email the dev stack sent, newest first (kept until it stops; ")
			.append("as JSON: <a href=\"/api/messages\">/api/messages</a>, <code>?to=</code> an address).</p>\n");
		if (messages.isEmpty()) {
			html.append("<p>No messages yet.</p>\n");
		}
		else {
			html.append("<table>\n<tr><th>Time (UTC)</th><th>From</th><th>To</th><th>Subject</th></tr>\n");
			for (Mail mail : messages) {
				html.append("<tr><td>")
					.append(escape(String.valueOf(mail.sentAt())))
					.append("</td><td>")
					.append(escape(mail.from()))
					.append("</td><td>")
					.append(escape(String.join(", ", mail.to())))
					.append("</td><td><a href=\"/message?id=")
					.append(escape(URLEncoder.encode(mail.id(), StandardCharsets.UTF_8)))
					.append("\">")
					.append(escape(mail.subject()))
					.append("</a></td></tr>\n");
			}
			html.append("</table>\n");
		}
		return html.append("</body></html>\n").toString();
	}

	private static String messagePage(Mail mail) {
		StringBuilder html = page(mail.subject());
		html.append("<p><a href=\"/\">All messages</a></p>\n<h1>")
			.append(escape(mail.subject()))
			.append("</h1>\n<p>From ")
			.append(escape(mail.from()))
			.append(" to ")
			.append(escape(String.join(", ", mail.to())))
			.append(", ")
			.append(escape(String.valueOf(mail.sentAt())))
			.append("</p>\n<pre>")
			.append(escape(Objects.requireNonNullElse(mail.text(), "(no text part)")))
			.append("</pre>\n");
		if (mail.ics() != null) {
			html.append("<h2>Calendar invitation (")
				.append(escape(mail.icsMethod()))
				.append(")</h2>\n<pre>")
				.append(escape(mail.ics()))
				.append("</pre>\n");
		}
		return html.append("</body></html>\n").toString();
	}

	private static StringBuilder page(String title) {
		return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
			.append(escape(title))
			.append("</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left;")
			.append("border-bottom:1px solid #ddd}pre{background:#f6f6f6;padding:1em;white-space:pre-wrap}</style>")
			.append("</head><body>\n");
	}

	private static String json(List<Mail> messages) {
		StringBuilder json = new StringBuilder("[");
		for (Mail mail : messages) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append("{\"id\":")
				.append(quote(mail.id()))
				.append(",\"sentAt\":")
				.append(quote(String.valueOf(mail.sentAt())))
				.append(",\"from\":")
				.append(quote(mail.from()))
				.append(",\"to\":[")
				.append(String.join(",", mail.to().stream().map(DevMailbox::quote).toList()))
				.append("],\"subject\":")
				.append(quote(mail.subject()))
				.append(",\"text\":")
				.append(quote(mail.text()))
				.append(",\"html\":")
				.append(quote(mail.html()))
				.append(",\"icsMethod\":")
				.append(quote(mail.icsMethod()))
				.append(",\"ics\":")
				.append(quote(mail.ics()))
				.append('}');
		}
		return json.append(']').toString();
	}

	private static String quote(String text) {
		if (text == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	private static String escape(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String parameter(URI uri, String name) {
		String query = uri.getRawQuery();
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals < 0) ? pair : pair.substring(0, equals);
			if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
				return (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * One received message, its parts read.
	 *
	 * @param id its {@code Message-ID}
	 * @param sentAt its {@code Date}
	 * @param from the sender
	 * @param to the recipients
	 * @param subject the subject
	 * @param text the text/plain part
	 * @param html the text/html part
	 * @param ics the text/calendar part
	 * @param icsMethod the calendar part's {@code method}
	 */
	record Mail(String id, Instant sentAt, String from, List<String> to, String subject, String text, String html,
			String ics, String icsMethod) {

		static Mail of(MimeMessage message) throws MessagingException, IOException {
			String[] parts = new String[4];
			read(message, parts);
			Date sent = message.getSentDate();
			Address[] from = message.getFrom();
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return new Mail(Objects.requireNonNullElse(message.getMessageID(), "?"),
					(sent != null) ? sent.toInstant() : Instant.EPOCH,
					(from != null && from.length > 0) ? address(from[0]) : "",
					(to != null) ? Arrays.stream(to).map(Mail::address).toList() : List.of(),
					Objects.requireNonNullElse(message.getSubject(), ""), parts[0], parts[1], parts[2], parts[3]);
		}

		private static String address(Address address) {
			return (address instanceof InternetAddress internet) ? internet.getAddress() : address.toString();
		}

		/** text, html, ics and the ics method into parts[0..3]. */
		private static void read(Part part, String[] parts) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					read(multipart.getBodyPart(i), parts);
				}
			}
			else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				return;
			}
			else if (part.isMimeType("text/plain") && parts[0] == null) {
				parts[0] = text(part);
			}
			else if (part.isMimeType("text/html") && parts[1] == null) {
				parts[1] = text(part);
			}
			else if (part.isMimeType("text/calendar") && parts[2] == null) {
				parts[2] = text(part);
				parts[3] = new ContentType(part.getContentType()).getParameter("method");
			}
		}

		private static String text(Part part) throws MessagingException, IOException {
			Object content = part.getContent();
			if (content instanceof String text) {
				return text;
			}
			String charset = new ContentType(part.getContentType()).getParameter("charset");
			try (InputStream in = part.getInputStream()) {
				return new String(in.readAllBytes(), (charset != null) ? charset : "US-ASCII");
			}
		}

	}

}

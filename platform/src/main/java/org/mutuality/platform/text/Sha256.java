package org.mutuality.platform.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a text, in lower-case hex: what is stored of a secret (a calendar token) or of a request
 * (an idempotency key's) to recognise it again without keeping it.
 */
public final class Sha256 {

	private Sha256() {
	}

	/** The SHA-256 of the text's UTF-8 bytes, 64 hex digits. */
	public static String hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}

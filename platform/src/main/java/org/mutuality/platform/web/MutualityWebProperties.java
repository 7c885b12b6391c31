package org.mutuality.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web conventions of the servlet services.
 *
 * @param maxRequestSize the largest request body accepted; a larger one, declared or streamed, is
 * answered with 413
 */
@ConfigurationProperties("mutuality.web")
record MutualityWebProperties(@DefaultValue("1MB") DataSize maxRequestSize) {

	/** The limit as people read it: "1 MiB", "512 KiB" or "1000 bytes". */
	static String describe(long bytes) {
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MiB";
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return (bytes / 1024) + " KiB";
		}
		return bytes + " bytes";
	}

}

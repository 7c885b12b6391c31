package org.mutuality.platform.test.infra.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The Redis that development and CI machines run on 127.0.0.1:6379, for tests of a Redis path (the
 * gateway's shared sessions and rate limits). There is no embedded Redis: a test that needs it skips,
 * saying so, when none answers.
 */
public final class LocalRedis {

	public static final String HOST = "127.0.0.1";

	public static final int PORT = 6379;

	private LocalRedis() {
	}

	/** Whether it answers; when it does not, says loudly which tests are skipped and how to get one. */
	public static boolean reachableOrSayWhy(String tests) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 1000);
			return true;
		}
		catch (IOException ex) {
			System.err.println("*** SKIPPING " + tests + ": no Redis on " + HOST + ":" + PORT + " (" + ex.getMessage()
					+ "); install and start one (apt-get install -y redis-server) to run them ***");
			return false;
		}
	}

}

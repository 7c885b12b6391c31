package org.mutuality.platform.test.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * TCP ports on this machine: a free one for a test backend, or whether a fixed one (the dev stack's) is taken.
 */
public final class Ports {

	private Ports() {
	}

	/** A port that was free a moment ago, chosen by the operating system. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free TCP port", ex);
		}
	}

	/**
	 * Whether a server could listen on this port now, on every address (IPv4 and IPv6 wildcard). A port held by a
	 * listener on any address, loopback included, counts as busy; connections in TIME_WAIT do not.
	 */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}

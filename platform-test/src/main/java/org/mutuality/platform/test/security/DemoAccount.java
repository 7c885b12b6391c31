package org.mutuality.platform.test.security;

import java.util.List;

/**
 * The demo accounts of the dev realm ({@code deploy/keycloak/realm-mutuality.json}), with the fixed
 * ids, emails and display names the realm gives them. Tests use them to mint tokens for the same
 * people the dev stack knows; the password of each is its username.
 */
public enum DemoAccount {

	CLIENT1("2f4e3c1a-0d6b-4c8e-9a51-7c3d0e1a0001", "client1", "Alex Morgan", "client"),
	CLIENT2("2f4e3c1a-0d6b-4c8e-9a51-7c3d0e1a0002", "client2", "Sam Rivera", "client"),
	CLIENT3("2f4e3c1a-0d6b-4c8e-9a51-7c3d0e1a0003", "client3", "Jordan Lee", "client"),
	THERAPIST1("6a9d2b7e-3f14-4e2a-b8c5-1d0f7e2a1001", "therapist1", "Maya Okafor", "therapist"),
	THERAPIST2("6a9d2b7e-3f14-4e2a-b8c5-1d0f7e2a1002", "therapist2", "Daniel Brooks", "therapist"),
	ADMIN1("9c3e5f1b-7a28-4d6e-a0b4-2e8c6d4f2001", "admin1", "Priya Shah", "admin");

	private final String id;

	private final String username;

	private final String displayName;

	private final String role;

	DemoAccount(String id, String username, String displayName, String role) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.role = role;
	}

	/** The account's {@code sub}. */
	public String id() {
		return this.id;
	}

	public String username() {
		return this.username;
	}

	/** The password of a demo account is its username. */
	public String password() {
		return this.username;
	}

	public String email() {
		return this.username + "@mutuality.test";
	}

	public String displayName() {
		return this.displayName;
	}

	/** The account's realm role: {@code client}, {@code therapist} or {@code admin}. */
	public String role() {
		return this.role;
	}

	public List<String> roles() {
		return List.of(this.role);
	}

}

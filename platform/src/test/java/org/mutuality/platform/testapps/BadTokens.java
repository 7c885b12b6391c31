package org.mutuality.platform.testapps;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.mutuality.platform.test.security.DemoAccount;
import org.mutuality.platform.test.security.TestIdentityProvider;

/**
 * Every kind of bearer token an API must refuse, minted by the shared test identity provider: for
 * {@code @MethodSource("org.mutuality.platform.testapps.BadTokens#all")}.
 */
public final class BadTokens {

	private BadTokens() {
	}

	public static Stream<Arguments> all() {
		return all(TestIdentityProvider.shared());
	}

	public static Stream<Arguments> all(TestIdentityProvider idp) {
		String valid = idp.tokenFor(DemoAccount.CLIENT1);
		String admin = idp.tokenFor(DemoAccount.ADMIN1);
		String[] validParts = valid.split("\\.");
		String[] adminParts = admin.split("\\.");
		return Stream.of(
				Arguments.of("expired", idp.token(DemoAccount.CLIENT1).expired(Duration.ofMinutes(2)).build()),
				Arguments.of("not yet valid",
						idp.token(DemoAccount.CLIENT1).notBefore(Instant.now().plus(Duration.ofMinutes(10))).build()),
				Arguments.of("wrong issuer",
						idp.token(DemoAccount.CLIENT1).issuer("http://127.0.0.1:1/realms/mutuality").build()),
				Arguments.of("wrong audience", idp.token(DemoAccount.CLIENT1).audience("account").build()),
				Arguments.of("no audience", idp.token(DemoAccount.CLIENT1).audience().build()),
				Arguments.of("bad signature", idp.token(DemoAccount.CLIENT1).signedWithForeignKey().build()),
				Arguments.of("alg=none", idp.token(DemoAccount.CLIENT1).unsigned().build()),
				Arguments.of("payload swapped under a valid signature",
						validParts[0] + "." + adminParts[1] + "." + validParts[2]),
				Arguments.of("garbage", "garbage"), Arguments.of("garbage in three parts", "abc.def.ghi"),
				Arguments.of("subject that is not a user id", idp.token(DemoAccount.CLIENT1).subject("client1").build()),
				Arguments.of("ID token", idp.token(DemoAccount.CLIENT1).claim("typ", "ID").build()));
	}

}

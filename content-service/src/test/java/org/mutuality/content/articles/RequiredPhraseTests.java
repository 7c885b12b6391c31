package org.mutuality.content.articles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RequiredPhrase} names a phrase only where every hit of the query must contain it.
 */
class RequiredPhraseTests {

	@Test
	void findsTheFirstQuotedPhrase() {
		assertThat(RequiredPhrase.in("\"first session\"")).contains("\"first session\"");
		assertThat(RequiredPhrase.in("anxiety \"first session\" \"couples therapy\"")).contains("\"first session\"");
		assertThat(RequiredPhrase.in("\"ORacle\" anxiety")).contains("\"ORacle\"");
		assertThat(RequiredPhrase.in("\"stress or worry\"")).contains("\"stress or worry\"");
	}

	@Test
	void findsNoneWhereAHitNeedNotContainIt() {
		assertThat(RequiredPhrase.in("anxiety")).isEmpty();
		assertThat(RequiredPhrase.in("\"first session\" or anxiety")).isEmpty();
		assertThat(RequiredPhrase.in("anxiety OR \"first session\"")).isEmpty();
		assertThat(RequiredPhrase.in("\"first session\"or anxiety")).isEmpty();
		assertThat(RequiredPhrase.in("therapy -\"first session\"")).isEmpty();
		assertThat(RequiredPhrase.in("\"first session")).isEmpty();
	}

	@Test
	void skipsANegatedPhraseForALaterOne() {
		assertThat(RequiredPhrase.in("-\"first session\" \"couples therapy\"")).contains("\"couples therapy\"");
	}

}

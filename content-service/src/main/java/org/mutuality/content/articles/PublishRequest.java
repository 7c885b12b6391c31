package org.mutuality.content.articles;

import java.time.Instant;

import jakarta.validation.constraints.Future;

/**
 * When to publish: now when {@code publishAt} is missing, otherwise at that (future) instant.
 */
record PublishRequest(@Future Instant publishAt) {

}

package org.mutuality.content.articles;

import java.util.UUID;

/**
 * Who wrote an article: the user id and the display name their token carried.
 */
record AuthorResponse(UUID id, String name) {

}

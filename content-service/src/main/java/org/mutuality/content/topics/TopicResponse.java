package org.mutuality.content.topics;

/**
 * A topic and how many published articles are filed under it.
 */
record TopicResponse(String slug, String name, long articleCount) {

}

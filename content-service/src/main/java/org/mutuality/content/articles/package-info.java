/**
 * Articles: their lifecycle from draft to archive, slugs, bodies, revisions, and the public list and search.
 */
package org.mutuality.content.articles;

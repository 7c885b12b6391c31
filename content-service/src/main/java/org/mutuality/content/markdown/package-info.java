/**
 * Article bodies: CommonMark (with tables) rendered to HTML that a strict allow-list sanitiser has cleaned, and
 * the plain text that search, summaries and reading time are computed from.
 */
package org.mutuality.content.markdown;

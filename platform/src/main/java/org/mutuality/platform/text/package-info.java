/**
 * Text that comes from people and is shown again as one line: titles, summaries, names.
 */
package org.mutuality.platform.text;

/**
 * The pure scoring engine: checks a set of answers against one instrument version and turns them
 * into a total, a band, subscale scores, risk flags and a recommendation, with no Spring and no I/O.
 */
package org.mutuality.assessment.scoring;

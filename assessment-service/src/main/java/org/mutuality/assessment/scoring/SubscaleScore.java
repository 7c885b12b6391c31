package org.mutuality.assessment.scoring;

/**
 * The score of one subscale, in the subscale's own direction (a higher hierarchical score means a
 * more hierarchical pattern), with the lowest and highest score it could take.
 */
public record SubscaleScore(String code, String label, int score, int minScore, int maxScore) {
}

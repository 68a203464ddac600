/**
 * Float tolerances shared by the tier rules. ABC classes and score bands cut on the same kind of
 * share (a running sum of floats against a cut a person typed), so they must agree on when a share is
 * "at" the cut; one constant here keeps them from drifting apart and keeps tiers/ importing downward.
 */
/**
 * Shares are sums of floating-point values, so a share that is exactly 80 % in decimal (9.2 of 11.5)
 * can come out as 0.7999999999999999. A share within this of a cut counts as at the cut, not below.
 */
export const SHARE_TOLERANCE = 1e-9;

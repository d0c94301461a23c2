package dev.sluice.planner.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * The fixed, named rule programs of plan version 1. They are deterministic (Hep, no cost model) and frozen:
 * a running query's plan must not change because a rule did, so a different rule set is a new plan version.
 */
public final class RulePrograms {
  private RulePrograms() {}

  /** Pushes filters down, merges projections and folds constants. */
  public static final List<RelOptRule> SIMPLIFY = List.of(
      CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_MERGE, CoreRules.PROJECT_MERGE,
      CoreRules.PROJECT_REMOVE, CoreRules.FILTER_REDUCE_EXPRESSIONS, CoreRules.PROJECT_REDUCE_EXPRESSIONS);

  /** Fuses each stateless filter + projection segment into one Calc, compiled as one class. */
  public static final List<RelOptRule> TO_CALC = List.of(
      CoreRules.FILTER_TO_CALC, CoreRules.PROJECT_TO_CALC, CoreRules.CALC_MERGE);

  public static HepProgram v1() {
    return new HepProgramBuilder()
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleCollection(SIMPLIFY)
        .addRuleCollection(TO_CALC)
        .build();
  }
}

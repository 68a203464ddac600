/**
 * Predictions a user can trust (issue 13, sections 1–4): the fit diagnostics' sentences, the holdout
 * check's words (`tier check`, the "Model check" sheet), next purchase, margin CLV, and the pane's
 * warning. One top-level key, `trust`, so the part spreads beside the others without overwriting one.
 * Each diagnostic says what is wrong and what to do.
 */
import type { Widen } from "../widen";

export const trust = {
  trust: {
    diagnostics: {
      dropoutNotIdentified: (model: string, param: string, value: string) =>
        `Dropout is not identified: the ${model} model's ${param} is ${value}, and the data cannot tell who has stopped buying, so P(alive) shows almost everyone as active. Use a longer history, check the model against a holdout, or try Pareto/NBD; until then rank churn by recency (the lifecycle stage), not by P(alive).`,
      parameterAtLimit: (model: string, params: string) =>
        `The ${model} model's ${params} ran to a limit of the model (no standard error): the predictions are those of the simpler limiting model. Check them against a holdout before relying on them.`,
      hugeStandardError: (model: string, param: string, value: string, se: string) =>
        `The ${model} model's ${param} = ${value} has a standard error of ${se}, larger than the value itself: the data say little about it. Use more customers or a longer history.`,
      fewRepeatCustomers: (customers: number, needed: number) =>
        `Only ${customers} customers bought more than once; a reliable fit needs about ${needed}. Use more customers or a longer history, and check the model against a holdout.`,
      spendFrequencyCorrelated: (rho: string, limit: string) =>
        `Spend and purchase frequency are correlated (ρ = ${rho}, beyond ±${limit}); the Gamma-Gamma spend model assumes they are independent, so its expected spend and CLV are biased. Treat CLV as a ranking, not an amount.`,
      spendParameterAtLimit: (params: string) =>
        `The Gamma-Gamma spend model's ${params} ran to a limit of the model: spend barely varies between customers (or within one), and the expected spend is close to the average.`,
      allWell: "No problems found with the fit.",
    },
    errors: {
      holdoutEmpty: (end: string, holdoutEnd: string) =>
        `The holdout ends on ${holdoutEnd}, not after the calibration end ${end}: give a calibration end before the last purchase, or a later holdout end.`,
      badMargin: (argument: string, value: string) => `'${argument}' is ${value}; use a margin rate from 0 to 1, such as 0.3 (30% of revenue).`,
      badMarginRow: (argument: string, row: number, value: string) =>
        `'${argument}', row ${row}: ${value} is not a margin rate; use a number from 0 to 1, such as 0.3.`,
      badMarginLength: (argument: string, length: number, customers: number) =>
        `'${argument}' has ${length} rows but there are ${customers} customers; give one rate, or one per customer.`,
      badWithin: (argument: string, value: string) => `'${argument}' is ${value}; use a length of time of 0 or more, in the data's time unit.`,
    },
    columns: {
      pPurchaseWithin: (within: string, unit: string) => `P(purchase within ${within} ${unit})`,
      expectedWait: (unit: string) => `Expected wait if active (${unit})`,
      medianWait: (unit: string) => `Median wait if active (${unit})`,
      typicalGap: (unit: string) => `Typical gap (${unit})`,
      overdue: "Overdue",
      overdueYes: "Overdue",
      clvMargin: (months: number) => `Margin CLV (${months} months)`,
      /** The header note of P(alive) when the fit cannot identify dropout. */
      pAliveUnreliable: "P(alive) (dropout not identified: see TIER.CLVFIT)",
      churnRiskUnreliable: "Churn risk (dropout not identified)",
      dropoutCaveat: "(dropout not identified: see TIER.CLVFIT)",
      diagnostics: "Diagnostics",
    },
    check: {
      sheetTitle: "Model check: predicted against actual repeat purchases in the holdout",
      period: (calibration: string, calEnd: string, holdoutEnd: string, unit: string, model: string) =>
        `Fitted (${model}) on purchases from ${calibration} to ${calEnd}; holdout to ${holdoutEnd}; unit: ${unit}.`,
      groupsTitle: "By repeat purchases in calibration",
      groupX: "Repeat purchases (calibration)",
      customers: "Customers",
      predictedMean: "Predicted (mean)",
      actualMean: "Actual (mean)",
      totalsTitle: "Totals and errors per customer",
      totalPredicted: "Total predicted",
      totalActual: "Total actual",
      mae: "Mean absolute error",
      rmse: "Root mean squared error",
      bias: "Bias (predicted − actual)",
      trackingTitle: "Cumulative repeat purchases",
      periodColumn: "Period",
      periodEnd: "Period end",
      actual: "Actual",
      expected: "Expected",
      holdout: "Holdout",
      decilesTitle: "P(alive) against buying in the holdout, by tenth of customers",
      decile: "Tenth",
      meanPAlive: "Mean P(alive)",
      boughtShare: "Share who bought",
      groupsChart: "Repeat purchases in the holdout by calibration repeat purchases",
      trackingChart: "Cumulative repeat purchases, actual and expected",
      diagnosticsTitle: "Diagnostics of the calibration fit",
      // The "Model check" sheet's figures block, the third chart and the axes (issue 17's rules: every axis titled).
      summaryTitle: "The check",
      calibrationStart: "Calibration from",
      calibrationEnd: "Calibration end",
      holdoutEnd: "Holdout end",
      model: "Model",
      unit: "Unit",
      customersChecked: "Customers (bought by the calibration end)",
      part: "Part",
      calibrationPart: "Calibration",
      decilesChart: "P(alive) against the share who bought in the holdout",
      groupsAxis: "Repeat purchases in the holdout (mean per customer)",
      trackingPeriodAxis: (unit: string, first: number) => `Period (${unit.toLowerCase()}); the holdout starts at period ${first}`,
      trackingValueAxis: "Cumulative repeat purchases",
      decileAxis: "Tenth of customers by P(alive), lowest first",
      shareAxis: "Share of customers",
      /** Refusals, in the pane's labels, before anything is written. */
      errors: {
        badDate: (label: string, value: string) => `${label} "${value}" is not a date; use YYYY-MM-DD, such as 2011-06-30, or leave it blank for the default.`,
        beforeData: (label: string, end: string, first: string, last: string) =>
          `${label} ${end} is before the first purchase (${first}); choose a date from ${first} to ${last}.`,
        afterData: (label: string, end: string, last: string) =>
          `${label} ${end} is on or after the last purchase (${last}), so nothing is left to check against; choose an earlier date, or leave it blank for the default.`,
        holdoutNotAfter: (holdoutLabel: string, holdoutEnd: string, calibrationLabel: string, calibrationEnd: string) =>
          `${holdoutLabel} ${holdoutEnd} is not after the ${calibrationLabel.toLowerCase()} (${calibrationEnd}); choose a later date, or leave it blank for the last purchase.`,
        noRepeat: (label: string, end: string) =>
          `No customer bought on two different days by the ${label.toLowerCase()} (${end}), so the model cannot be fitted; choose a later date.`,
        noData: "There are no purchases to check: no row has a customer, a date and an amount of 0 or more.",
      },
    },
    pane: {
      warningTitle: "The predictions need care",
      warningMore: (count: number) => (count === 1 ? "" : `and ${count - 1} more`),
      churnRankedBy: "Churn warning ranked by days since the last purchase against the customer's own typical gap (lifecycle), not by P(alive), because the model cannot identify dropout.",
      checkModel: "Check the model",
      checkHelp: "Fits the model and unit chosen above on the purchases up to a calibration end, then compares its predictions with what customers did after it, and writes a Model check sheet with charts.",
      calibrationEnd: "Calibration end",
      calibrationEndHint: "Purchases after it are the holdout. Blank: two thirds of the way from the first purchase to the last, so the last third is the holdout.",
      holdoutEnd: "Holdout end",
      holdoutEndHint: "Blank: the last purchase.",
      checking: "Checking the model…",
      checkFailed: "The model could not be checked",
      checkDone: (sheet: string, mae: string, bias: string) => `Wrote the "${sheet}" sheet: mean absolute error ${mae} purchases per customer, bias ${bias}.`,
      checkDates: (start: string, end: string, holdoutEnd: string, byDefault: boolean) =>
        `Calibration ${start} to ${end}${byDefault ? " (the default: two thirds of the span)" : ""}, holdout to ${holdoutEnd}.`,
      checkTotals: (predicted: string, actual: string) => `Repeat purchases in the holdout: ${predicted} predicted, ${actual} actual.`,
      checkLine: (done: string, totals: string, dates: string) => `${done} ${totals} ${dates}`,
      checkSheet: "Model check",
      margin: "Margin rate",
      marginHint: "0 to 1, e.g. 0.3; blank: revenue CLV only.",
      marginBad: (value: string) => `Margin rate "${value}" is not a number from 0 to 1; use e.g. 0.3.`,
      revenueClv: "Revenue CLV",
      marginClv: "Margin CLV",
    },
    cli: {
      calibrationEndRequired: "Give the end of the calibration period with --calibration-end YYYY-MM-DD; purchases after it are the holdout.",
      badDate: (option: string, value: string) => `${option} is "${value}"; use a date such as 1997-09-30.`,
      checkSummary: (predicted: string, actual: number, mae: string, rmse: string, bias: string) =>
        `Holdout: ${predicted} repeat purchases predicted, ${actual} actual; per customer MAE ${mae}, RMSE ${rmse}, bias ${bias}.`,
      withinColumn: "p_purchase_within: the probability of at least one purchase within --within units.",
      diagnosticsHeading: "Fit diagnostics:",
    },
  },
};

export type TrustMessages = Widen<typeof trust>;

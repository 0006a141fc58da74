package io.cxgap.common.quality;

import org.apache.spark.sql.Column;

/** One quarantine rule: when {@code fails} holds, the row is rejected with reason and detail. */
record Rule(String reason, Column fails, Column detail) {}

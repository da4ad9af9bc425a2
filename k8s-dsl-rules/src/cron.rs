//! CronJob schedules (rules 61 and 62).
//!
//! The API server checks `spec.schedule` with `cron.ParseStandard` from robfig/cron v3
//! (`validateScheduleFormat` in pkg/apis/batch/validation/validation.go), and rejects any
//! schedule containing `TZ` on create ("use timeZone field instead"). This module follows
//! robfig's parser (vendor/github.com/robfig/cron/v3/parser.go):
//!
//! - exactly five fields: minute (0-59), hour (0-23), day of month (1-31), month (1-12 or
//!   `JAN`-`DEC`), day of week (0-6 or `SUN`-`SAT`; `7` is out of range);
//! - each field is a `,`-list of `*` or `?`, `a`, `a-b`, each with an optional `/step`;
//!   `a/step` means `a-max/step`; names are case-insensitive; empty list items are skipped;
//! - or a descriptor: `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`,
//!   `@hourly`, or `@every <Go duration>`.
//!
//! robfig accepts a few odd forms (`*/61`, `*-5`, a field of only commas); they parse as the
//! API server parses them, and [`Schedule::warnings`] points them out.
//!
//! ```
//! use k8s_dsl_rules::cron;
//!
//! let nightly = cron::parse("0 3 * * *")?;
//! assert_eq!(nightly.fields().map(|f| f.hour), Some(1 << 3));
//! assert_eq!(cron::parse("0 0 3 * * *").unwrap_err().rule, 61); // six fields
//! assert_eq!(cron::parse("TZ=UTC 0 3 * * *").unwrap_err().rule, 62);
//! # Ok::<(), k8s_dsl_rules::Violation>(())
//! ```

use std::fmt;
use std::str::FromStr;

use super::{shown, suggest, Checked, Violation};

/// The minutes, hours, days, months and weekdays a schedule fires on, one bit per value
/// (bit `n` set means value `n`).
///
/// ```
/// use k8s_dsl_rules::cron::Schedule;
///
/// let schedule = Schedule::parse("*/15 9-17 * * MON-FRI")?;
/// let sets = schedule.fields().copied().unwrap_or_else(|| unreachable!());
/// assert_eq!(sets.minute, 1 | 1 << 15 | 1 << 30 | 1 << 45);
/// assert_eq!(sets.hour, (9..=17).map(|h| 1u64 << h).sum::<u64>());
/// assert_eq!(sets.day_of_week, (1..=5).map(|d| 1u64 << d).sum::<u64>());
/// # Ok::<(), k8s_dsl_rules::Violation>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldSets {
    /// Minutes 0-59.
    pub minute: u64,
    /// Hours 0-23.
    pub hour: u64,
    /// Days of the month 1-31.
    pub day_of_month: u64,
    /// Months 1-12.
    pub month: u64,
    /// Days of the week 0-6, Sunday = 0.
    pub day_of_week: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Plan {
    Fields(FieldSets),
    /// `@every`: the effective interval in whole seconds (at least 1, as robfig's `Every`).
    Every(u64),
}

/// A parsed CronJob schedule: the text as written and what it means.
///
/// ```
/// use k8s_dsl_rules::cron::Schedule;
///
/// let daily = Schedule::parse("@daily")?;
/// assert_eq!(daily.as_str(), "@daily");
/// assert_eq!(daily.fields().map(|f| (f.minute, f.hour)), Some((1, 1)));
/// assert_eq!(Schedule::parse("@every 90s")?.every_secs(), Some(90));
///
/// // Accepted by the API server, but probably a mistake:
/// let odd = Schedule::parse("0-10/20 * * * *")?;
/// assert_eq!(odd.fields().map(|f| f.minute), Some(1));
/// assert_eq!(odd.warnings().len(), 1);
///
/// let violation = Schedule::parse("60 * * * *").unwrap_err();
/// assert_eq!(violation.rule, 61);
/// let from_str: Schedule = "0 3 * * *".parse()?;
/// assert_eq!(from_str.to_string(), "0 3 * * *");
/// # Ok::<(), k8s_dsl_rules::Violation>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Schedule {
    text: String,
    plan: Plan,
    warnings: Vec<String>,
}

/// One field's bounds and names.
struct Field {
    what: &'static str,
    min: u64,
    max: u64,
    names: &'static [&'static str],
    hint: &'static str,
}

const MONTH_NAMES: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const DAY_NAMES: &[&str] = &["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const FIELDS: [Field; 5] = [
    Field {
        what: "minute",
        min: 0,
        max: 59,
        names: &[],
        hint: "use a minute from 0 to 59; `0 * * * *` runs at the start of every hour",
    },
    Field {
        what: "hour",
        min: 0,
        max: 23,
        names: &[],
        hint: "use an hour from 0 to 23; `0 0 * * *` runs at midnight",
    },
    Field {
        what: "day-of-month",
        min: 1,
        max: 31,
        names: &[],
        hint: "use a day of the month from 1 to 31",
    },
    Field {
        what: "month",
        min: 1,
        max: 12,
        names: MONTH_NAMES,
        hint: "use a month from 1 to 12 or `JAN`-`DEC`",
    },
    Field {
        what: "day-of-week",
        min: 0,
        max: 6,
        names: DAY_NAMES,
        hint: "use a day of the week from 0 to 6 (0 is Sunday) or `SUN`-`SAT`",
    },
];

/// The descriptors robfig's standard parser accepts, besides `@every <duration>`.
///
/// ```
/// use k8s_dsl_rules::cron::{parse, DESCRIPTORS};
///
/// assert!(DESCRIPTORS.iter().all(|d| parse(d).is_ok()));
/// assert_eq!(parse("@dayly").unwrap_err().fix, "use `@daily`");
/// ```
pub const DESCRIPTORS: [&str; 7] = [
    "@yearly",
    "@annually",
    "@monthly",
    "@weekly",
    "@daily",
    "@midnight",
    "@hourly",
];

fn fail(message: String, fix: impl Into<String>) -> Violation {
    Violation::new(61, message, fix)
}

/// `strconv.Atoi` then the negative check of robfig's `mustParseInt`.
fn number(text: &str, field: &Field, role: &str) -> Checked<u64> {
    match text.parse::<i64>() {
        Ok(n) if n < 0 => Err(fail(
            format!("{} {role}{n} is negative", field.what),
            field.hint,
        )),
        Ok(n) => Ok(n.unsigned_abs()),
        Err(_) => {
            let what = if field.names.is_empty() {
                "a number"
            } else if field.what == "month" {
                "a number or month name"
            } else {
                "a number or day name"
            };
            let fix = if text.is_empty() {
                format!("write a value on both sides of `-` and `/`; {}", field.hint)
            } else {
                field.hint.to_string()
            };
            Err(fail(
                format!("{} {role}{} is not {what}", field.what, shown(text)),
                fix,
            ))
        }
    }
}

/// `parseIntOrName`: a name (case-insensitive) or a number.
fn value(text: &str, field: &Field) -> Checked<u64> {
    if !field.names.is_empty() && text.len() == 3 {
        let lower = text.to_ascii_lowercase();
        if let Some(i) = field.names.iter().position(|n| *n == lower) {
            return Ok(field.min + i as u64);
        }
    }
    number(text, field, "")
}

/// `getRange`: the bits of one list item such as `*/5`, `1-5`, `MON-FRI/2` or `7`.
fn range(expr: &str, field: &Field, warnings: &mut Vec<String>) -> Checked<u64> {
    let mut slash_parts = expr.split('/');
    let range_part = slash_parts.next().unwrap_or("");
    let step_part = slash_parts.next();
    let extra_slash = slash_parts.next().is_some();
    let mut hyphen_parts = range_part.split('-');
    let low = hyphen_parts.next().unwrap_or("");
    let high = hyphen_parts.next();
    let extra_hyphen = hyphen_parts.next().is_some();

    let (start, mut end) = if low == "*" || low == "?" {
        if high.is_some() {
            warnings.push(format!(
                "{} {} ignores everything after `{low}-`",
                field.what,
                shown(expr)
            ));
        }
        (field.min, field.max)
    } else {
        let start = value(low, field)?;
        let end = match high {
            None => start,
            Some(_) if extra_hyphen => {
                return Err(fail(
                    format!("{} {} has more than one `-`", field.what, shown(expr)),
                    "write a range as `a-b`",
                ))
            }
            Some(high) => value(high, field)?,
        };
        (start, end)
    };
    if extra_slash {
        return Err(fail(
            format!("{} {} has more than one `/`", field.what, shown(expr)),
            "write a step as `a-b/n` or `*/n`",
        ));
    }
    let step = match step_part {
        None => 1,
        Some(step) => {
            let step = number(step, field, "step ")?;
            if high.is_none() {
                end = field.max;
            }
            step
        }
    };
    let (what, min, max) = (field.what, field.min, field.max);
    for v in [start, end] {
        if v < min || v > max {
            let fix = if field.what == "day-of-week" && v == 7 {
                "use `0` or `SUN` for Sunday".to_string()
            } else {
                field.hint.to_string()
            };
            return Err(fail(format!("{what} {v} out of range {min}-{max}"), fix));
        }
    }
    if start > end {
        return Err(fail(
            format!("{what} range {} goes backwards", shown(range_part)),
            format!("write the smaller value first: `{end}-{start}`"),
        ));
    }
    if step == 0 {
        return Err(fail(
            format!("{what} step 0 in {} must be positive", shown(expr)),
            "use a step of 1 or more",
        ));
    }
    // A step beyond the whole field (`*/61`) parses in robfig/cron, but the schedule then fires
    // only at the first value, which is never what was meant: the project rejects it (rule 0).
    if step > field.max - field.min {
        return Err(Violation::new(
            0,
            format!(
                "{what} {step} out of range {}-{} (in the step of {})",
                field.min,
                field.max,
                shown(expr)
            ),
            format!(
                "use a step from 1 to {}; a larger one fires only at {what} {start}",
                field.max - field.min
            ),
        ));
    }
    if step > 1 && end > start && step > end - start {
        warnings.push(format!(
            "{what} step {step} in {} is larger than the range {start}-{end}, so only {what} \
             {start} is used",
            shown(expr)
        ));
    }
    let mut bits = 0u64;
    let step = usize::try_from(step).unwrap_or(usize::MAX);
    for v in (start..=end).step_by(step) {
        bits |= 1u64
            .checked_shl(u32::try_from(v).unwrap_or(u32::MAX))
            .unwrap_or(0);
    }
    Ok(bits)
}

/// `getField`: the union of the `,`-separated items; empty items are skipped.
fn field_bits(text: &str, field: &Field, warnings: &mut Vec<String>) -> Checked<u64> {
    let mut bits = 0u64;
    for item in text.split(',').filter(|i| !i.is_empty()) {
        bits |= range(item, field, warnings)?;
    }
    if bits == 0 {
        warnings.push(format!(
            "{} {} selects no value, so the schedule never runs",
            field.what,
            shown(text)
        ));
    }
    Ok(bits)
}

/// Go's `time.ParseDuration`: the duration in nanoseconds, or why it does not parse.
fn go_duration(text: &str) -> Result<i128, &'static str> {
    const LIMIT: u128 = 1 << 63;
    let (negative, mut s) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or("")),
        Some(b'+') => (false, text.get(1..).unwrap_or("")),
        _ => (false, text),
    };
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err("is empty");
    }
    let mut total: u128 = 0;
    while !s.is_empty() {
        let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
        let (int_part, rest) = s.split_at(int_len);
        s = rest;
        let mut whole: u128 = 0;
        for b in int_part.bytes() {
            whole = whole * 10 + u128::from(b - b'0');
            if whole > LIMIT {
                return Err("is too large");
            }
        }
        let mut fraction: u128 = 0;
        let mut scale: u128 = 1;
        let mut has_fraction = false;
        if let Some(rest) = s.strip_prefix('.') {
            let frac_len = rest.bytes().take_while(u8::is_ascii_digit).count();
            let (frac_part, after) = rest.split_at(frac_len);
            has_fraction = !frac_part.is_empty();
            for b in frac_part.bytes() {
                if scale < LIMIT {
                    fraction = fraction * 10 + u128::from(b - b'0');
                    scale *= 10;
                }
            }
            s = after;
        }
        if int_part.is_empty() && !has_fraction {
            return Err("has no number before a unit");
        }
        let unit_len = s
            .bytes()
            .take_while(|b| *b != b'.' && !b.is_ascii_digit())
            .count();
        let (unit, rest) = s.split_at(unit_len);
        s = rest;
        let per_unit: u128 = match unit {
            "ns" => 1,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            "" => return Err("has a number without a unit"),
            _ => return Err("has an unknown unit"),
        };
        if whole > LIMIT / per_unit {
            return Err("is too large");
        }
        let mut v = whole * per_unit;
        if fraction > 0 {
            v += fraction * per_unit / scale;
            if v > LIMIT {
                return Err("is too large");
            }
        }
        total += v;
        if total > LIMIT {
            return Err("is too large");
        }
    }
    if !negative && total > LIMIT - 1 {
        return Err("is too large");
    }
    let total = i128::try_from(total).unwrap_or(i128::MAX);
    Ok(if negative { -total } else { total })
}

fn parse_descriptor(text: &str, warnings: &mut Vec<String>) -> Checked<Plan> {
    let all = |bits_min: u64, bits_max: u64| -> u64 {
        (bits_min..=bits_max).fold(0, |acc, v| acc | (1u64 << v))
    };
    let sets = |minute: u64, hour: u64, dom: u64, month: u64, dow: u64| {
        Ok(Plan::Fields(FieldSets {
            minute,
            hour,
            day_of_month: dom,
            month,
            day_of_week: dow,
        }))
    };
    match text {
        "@yearly" | "@annually" => return sets(1, 1, 1 << 1, 1 << 1, all(0, 6)),
        "@monthly" => return sets(1, 1, 1 << 1, all(1, 12), all(0, 6)),
        "@weekly" => return sets(1, 1, all(1, 31), all(1, 12), 1),
        "@daily" | "@midnight" => return sets(1, 1, all(1, 31), all(1, 12), all(0, 6)),
        "@hourly" => return sets(1, all(0, 23), all(1, 31), all(1, 12), all(0, 6)),
        _ => {}
    }
    if let Some(duration) = text.strip_prefix("@every ") {
        return match go_duration(duration) {
            Ok(nanos) => {
                let secs = u64::try_from(nanos / 1_000_000_000).unwrap_or(0);
                if secs == 0 {
                    warnings.push(format!(
                        "schedule {} runs every second: intervals under 1s count as 1s",
                        shown(text)
                    ));
                }
                Ok(Plan::Every(secs.max(1)))
            }
            Err(why) => Err(fail(
                format!("the duration of {} {why}", shown(text)),
                "write a Go duration such as `@every 1h30m` or `@every 90s`",
            )),
        };
    }
    let fix = match suggest::closest(text, DESCRIPTORS) {
        Some(d) => format!("use `{d}`"),
        None => "use `@yearly`, `@monthly`, `@weekly`, `@daily`, `@hourly`, `@every <duration>` \
                 or five fields"
            .to_string(),
    };
    Err(fail(
        format!("{} is not a schedule descriptor", shown(text)),
        fix,
    ))
}

impl Schedule {
    /// Parses a CronJob schedule as the API server does (rules 61 and 62).
    pub fn parse(text: &str) -> Checked<Schedule> {
        // rule 61, validateScheduleFormat → cron.ParseStandard
        if text.is_empty() {
            return Err(fail(
                "schedule is required".to_string(),
                "write a cron schedule such as `0 3 * * *` or `@daily`",
            ));
        }
        // rule 62, validateScheduleFormat: `strings.Contains(schedule, "TZ")` is rejected.
        if text.contains("TZ") {
            let prefix = ["TZ=", "CRON_TZ="]
                .into_iter()
                .find(|p| text.starts_with(p));
            let message = if let Some(prefix) = prefix {
                format!("schedule {} sets a time zone with `{prefix}`", shown(text))
            } else {
                format!("schedule {} contains `TZ`", shown(text))
            };
            return Err(Violation::new(
                62,
                message,
                "use the `timeZone` field instead",
            ));
        }
        let mut warnings = Vec::new();
        let plan = if text.starts_with('@') {
            parse_descriptor(text, &mut warnings)?
        } else {
            let fields: Vec<&str> = text.split_whitespace().take(7).collect();
            if fields.len() != 5 {
                let found = if fields.len() == 7 {
                    format!("{} or more", fields.len())
                } else {
                    fields.len().to_string()
                };
                let fix = match fields.len() {
                    6 => "remove the seconds field: CronJob schedules have 5 fields \
                          (minute hour day-of-month month day-of-week)"
                        .to_string(),
                    1 => match suggest::closest(&format!("@{text}"), DESCRIPTORS) {
                        Some(d) if !text.contains(' ') => format!("use `{d}`"),
                        _ => {
                            "write 5 fields: minute hour day-of-month month day-of-week".to_string()
                        }
                    },
                    _ => "write 5 fields: minute hour day-of-month month day-of-week".to_string(),
                };
                return Err(fail(
                    format!("schedule {} has {found} fields; expected 5", shown(text)),
                    fix,
                ));
            }
            let mut bits = [0u64; 5];
            for ((slot, text), field) in bits.iter_mut().zip(&fields).zip(&FIELDS) {
                *slot = field_bits(text, field, &mut warnings)?;
            }
            let [minute, hour, day_of_month, month, day_of_week] = bits;
            Plan::Fields(FieldSets {
                minute,
                hour,
                day_of_month,
                month,
                day_of_week,
            })
        };
        Ok(Schedule {
            text: text.to_string(),
            plan,
            warnings,
        })
    }

    /// The schedule as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The field sets, for five-field schedules and the `@hourly`-style descriptors.
    pub fn fields(&self) -> Option<&FieldSets> {
        match &self.plan {
            Plan::Fields(sets) => Some(sets),
            Plan::Every(_) => None,
        }
    }

    /// The interval of an `@every` schedule, in whole seconds (at least 1).
    pub fn every_secs(&self) -> Option<u64> {
        match self.plan {
            Plan::Every(secs) => Some(secs),
            Plan::Fields(_) => None,
        }
    }

    /// Things the API server accepts but that are probably mistakes (`*/61`, an empty field).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

/// Parses a CronJob schedule; the same as [`Schedule::parse`].
///
/// ```
/// use k8s_dsl_rules::cron;
///
/// assert!(cron::parse("30 2 * * SUN").is_ok());
/// assert_eq!(cron::parse("").unwrap_err().rule, 61);
/// ```
pub fn parse(text: &str) -> Checked<Schedule> {
    Schedule::parse(text)
}

impl FromStr for Schedule {
    type Err = Violation;

    fn from_str(s: &str) -> Result<Self, Violation> {
        Schedule::parse(s)
    }
}

impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn sets(text: &str) -> FieldSets {
        *Schedule::parse(text).unwrap().fields().unwrap()
    }

    fn err(text: &str) -> Violation {
        Schedule::parse(text).unwrap_err()
    }

    fn bits(values: &[u64]) -> u64 {
        values.iter().fold(0, |acc, v| acc | (1 << v))
    }

    #[test]
    fn rule_61_kubernetes_docs_examples_parse() {
        for ok in [
            "*/1 * * * *",
            "0 0 13 * 5",
            "5 0 * 8 *",
            "15 14 1 * *",
            "0 22 * * 1-5",
            "23 0-20/2 * * *",
            "5 4 * * sun",
            "0 0,12 1 */2 *",
            "0 3 * * 1",
            "0 * * * *",
            "* * * * *",
            "0 0 1 1 *",
            "0 0 1 * *",
            "0 0 * * 0",
            "0 0 * * *",
            "@yearly",
            "@annually",
            "@monthly",
            "@weekly",
            "@daily",
            "@midnight",
            "@hourly",
        ] {
            let s = Schedule::parse(ok).unwrap();
            assert_eq!(s.to_string(), ok);
            assert!(s.warnings().is_empty(), "{ok}: {:?}", s.warnings());
        }
    }

    #[test]
    fn rule_61_field_sets() {
        let s = sets("0 22 * * 1-5");
        assert_eq!(s.minute, 1);
        assert_eq!(s.hour, 1 << 22);
        assert_eq!(s.day_of_week, bits(&[1, 2, 3, 4, 5]));
        assert_eq!(s.day_of_month, bits(&(1..=31).collect::<Vec<_>>()));
        let s = sets("23 0-20/2 * * *");
        assert_eq!(s.hour, bits(&[0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]));
        let s = sets("0 0,12 1 */2 *");
        assert_eq!(s.hour, bits(&[0, 12]));
        assert_eq!(s.month, bits(&[1, 3, 5, 7, 9, 11]));
        let s = sets("5 4 * * sun");
        assert_eq!(s.day_of_week, 1);
        let s = sets("0 0 * JAN-mar MON-Fri");
        assert_eq!(s.month, bits(&[1, 2, 3]));
        assert_eq!(s.day_of_week, bits(&[1, 2, 3, 4, 5]));
        let s = sets("10/15 * * * *");
        assert_eq!(s.minute, bits(&[10, 25, 40, 55]));
        let s = sets("? ? ? ? ?");
        assert_eq!(s.minute, bits(&(0..=59).collect::<Vec<_>>()));
        let s = sets("1,,2 * * * *");
        assert_eq!(s.minute, bits(&[1, 2]));
        let s = sets("+5 * * * *");
        assert_eq!(s.minute, bits(&[5]));
        let s = sets("  0\t0  * *\n*  ");
        assert_eq!(s.minute, 1);
        assert_eq!(sets("@weekly").day_of_week, 1);
        assert_eq!(sets("@hourly").hour, bits(&(0..=23).collect::<Vec<_>>()));
    }

    #[test]
    fn rule_61_out_of_range() {
        let e = err("60 * * * *");
        assert_eq!(e.rule, 61);
        assert_eq!(e.message, "minute 60 out of range 0-59");
        assert_eq!(err("* 24 * * *").message, "hour 24 out of range 0-23");
        assert_eq!(err("* * 0 * *").message, "day-of-month 0 out of range 1-31");
        assert_eq!(
            err("* * 32 * *").message,
            "day-of-month 32 out of range 1-31"
        );
        assert_eq!(err("* * * 13 *").message, "month 13 out of range 1-12");
        assert_eq!(err("* * * 0 *").message, "month 0 out of range 1-12");
        let e = err("* * * * 7");
        assert_eq!(e.message, "day-of-week 7 out of range 0-6");
        assert_eq!(e.fix, "use `0` or `SUN` for Sunday");
        assert_eq!(err("* * * * 8").message, "day-of-week 8 out of range 0-6");
        assert_eq!(err("5-61 * * * *").message, "minute 61 out of range 0-59");
        assert_eq!(err("61/5 * * * *").message, "minute 61 out of range 0-59");
        assert!(err("99999999999999999999 * * * *")
            .message
            .contains("is not a number"));
    }

    #[test]
    fn rule_61_steps() {
        let e = err("*/0 * * * *");
        assert_eq!(e.message, "minute step 0 in `*/0` must be positive");
        let e = err("*/-1 * * * *");
        assert_eq!(e.message, "minute step -1 is negative");
        let e = err("*/x * * * *");
        assert_eq!(e.message, "minute step `x` is not a number");
        assert!(err("*/ * * * *").message.contains("is not a number"));
        assert!(err("*/1/2 * * * *").message.contains("more than one `/`"));
    }

    #[test]
    fn step_beyond_the_whole_field_is_rejected() {
        // robfig accepts `*/61` (it fires at minute 0 only); the project rejects it.
        let e = err("*/61 * * * *");
        assert_eq!(e.rule, 0);
        assert_eq!(
            e.message,
            "minute 61 out of range 0-59 (in the step of `*/61`)"
        );
        assert!(err("0 */24 * * *")
            .message
            .starts_with("hour 24 out of range 0-23"));
        // a step larger than a narrower range still parses, with a warning
        let s = Schedule::parse("0-10/20 * * * *").unwrap();
        assert_eq!(s.fields().unwrap().minute, 1);
        assert_eq!(
            s.warnings(),
            ["minute step 20 in `0-10/20` is larger than the range 0-10, so only minute 0 is used"]
        );
    }

    #[test]
    fn rule_61_odd_forms_robfig_accepts() {
        let s = Schedule::parse("*-5 * * * *").unwrap();
        assert_eq!(
            s.fields().unwrap().minute,
            bits(&(0..=59).collect::<Vec<_>>())
        );
        assert_eq!(s.warnings().len(), 1);
        let s = Schedule::parse(", * * * *").unwrap();
        assert_eq!(s.fields().unwrap().minute, 0);
        assert!(s.warnings()[0].contains("never runs"));
    }

    #[test]
    fn rule_61_ranges() {
        let e = err("5-1 * * * *");
        assert_eq!(e.message, "minute range `5-1` goes backwards");
        assert_eq!(e.fix, "write the smaller value first: `1-5`");
        assert!(err("1-2-3 * * * *").message.contains("more than one `-`"));
        assert!(err("-1 * * * *").message.contains("is not a number"));
        assert!(err("1- * * * *").message.contains("is not a number"));
        assert_eq!(
            err("* * * foo *").message,
            "month `foo` is not a number or month name"
        );
        assert_eq!(
            err("* * * * funday").message,
            "day-of-week `funday` is not a number or day name"
        );
        assert!(err("* * * * sunday")
            .message
            .contains("is not a number or day name"));
        assert!(err("mon * * * *")
            .message
            .contains("minute `mon` is not a number"));
        assert!(Schedule::parse("L * * * *").is_err());
        assert!(Schedule::parse("* * * * 1#2").is_err());
        assert!(Schedule::parse("٣ * * * *").is_err());
    }

    #[test]
    fn rule_61_field_counts() {
        assert_eq!(
            err("* * * *").message,
            "schedule `* * * *` has 4 fields; expected 5"
        );
        let e = err("0 * * * * *");
        assert_eq!(e.message, "schedule `0 * * * * *` has 6 fields; expected 5");
        assert!(e.fix.starts_with("remove the seconds field"));
        let e = err("daily");
        assert_eq!(e.fix, "use `@daily`");
        let e = err("   ");
        assert_eq!(e.message, "schedule `   ` has 0 fields; expected 5");
        let e = err(&"* ".repeat(1 << 19));
        assert!(e.message.contains("7 or more fields"));
    }

    #[test]
    fn rule_61_empty_schedule_is_required() {
        let e = err("");
        assert_eq!((e.rule, e.message.as_str()), (61, "schedule is required"));
    }

    #[test]
    fn rule_61_descriptors() {
        assert_eq!(err("@dayly").fix, "use `@daily`");
        assert!(Schedule::parse("@Daily").is_err());
        assert!(Schedule::parse("@daily ").is_err());
        assert!(Schedule::parse(" @daily").is_err());
        assert!(Schedule::parse("@").is_err());
        assert_eq!(
            Schedule::parse("@every 1h30m").unwrap().every_secs(),
            Some(5400)
        );
        assert_eq!(
            Schedule::parse("@every 90s").unwrap().every_secs(),
            Some(90)
        );
        assert_eq!(
            Schedule::parse("@every 1.5h").unwrap().every_secs(),
            Some(5400)
        );
        assert_eq!(
            Schedule::parse("@every 1500ms").unwrap().every_secs(),
            Some(1)
        );
        let s = Schedule::parse("@every 10ms").unwrap();
        assert_eq!(s.every_secs(), Some(1));
        assert_eq!(s.warnings().len(), 1);
        assert!(Schedule::parse("@every 0").is_ok());
        assert!(Schedule::parse("@every -1h").is_ok());
        assert!(Schedule::parse("@every 1µs").is_ok());
        assert!(Schedule::parse("@every .5s").is_ok());
        assert!(Schedule::parse("@every 2562047h").is_ok());
        for bad in [
            "@every",
            "@every ",
            "@every 1",
            "@every 1d",
            "@every h",
            "@every .s",
            "@every 1h ",
            "@every  1h",
            "@every 2562048h",
            "@every 99999999999999999999s",
            "@every -",
        ] {
            assert!(Schedule::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Schedule::parse("@hourly").unwrap().every_secs(), None);
    }

    #[test]
    fn rule_62_tz_prefix_is_rejected() {
        let e = err("TZ=UTC 0 * * * *");
        assert_eq!(e.rule, 62);
        assert_eq!(
            e.message,
            "schedule `TZ=UTC 0 * * * *` sets a time zone with `TZ=`"
        );
        assert_eq!(e.fix, "use the `timeZone` field instead");
        let e = err("CRON_TZ=Europe/Berlin 0 3 * * *");
        assert_eq!(e.rule, 62);
        assert!(
            e.message.ends_with("sets a time zone with `CRON_TZ=`"),
            "{}",
            e.message
        );
        assert_eq!(err("TZ=").rule, 62);
        assert_eq!(err("0 * * * * TZ").rule, 62);
    }

    #[test]
    fn rule_61_one_megabyte_gives_an_error_not_a_panic() {
        assert!(Schedule::parse(&"1".repeat(1 << 20)).is_err());
        let many = format!("{} * * * *", "1,".repeat(1 << 19));
        assert!(Schedule::parse(&many).is_ok());
        let slashes = format!("{} * * * *", "/".repeat(1 << 20));
        assert!(Schedule::parse(&slashes).is_err());
        let every = format!("@every {}s", "1".repeat(1 << 20));
        assert!(Schedule::parse(&every).is_err());
        let frac = format!("@every 1.{}s", "1".repeat(1 << 20));
        assert!(Schedule::parse(&frac).is_ok());
        assert!(Schedule::parse(&format!("@{}", "x".repeat(1 << 20))).is_err());
    }
}

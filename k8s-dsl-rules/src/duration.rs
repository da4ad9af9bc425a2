//! Durations written as `10s`, `2m`, `1h30m` (a project rule: rule number 0).
//!
//! Kubernetes fields such as `periodSeconds` and `terminationGracePeriodSeconds` take whole
//! seconds; this type lets manifests say `30s` or `5m` instead. Units are `h`, `m` and `s`,
//! each at most once and in that order; no fractions, no signs, no bare numbers.
//!
//! ```
//! use k8s_dsl_rules::duration::{self, Duration};
//!
//! assert_eq!(duration::parse("1h30m")?, Duration::minutes(90));
//! assert_eq!(duration::parse("1h30m")?.as_secs(), 5400);
//! let violation = duration::parse("90").unwrap_err();
//! assert_eq!(violation.rule, 0);
//! assert!(duration::parse("30m1h").is_err()); // units in the order h, m, s
//! # Ok::<(), k8s_dsl_rules::Violation>(())
//! ```

use std::fmt;
use std::str::FromStr;

use super::{shown, Checked, Violation};

/// A non-negative whole number of seconds.
///
/// ```
/// use k8s_dsl_rules::duration::Duration;
///
/// assert_eq!(Duration::seconds(90), Duration::parse("1m30s")?);
/// assert_eq!(Duration::hours(2).as_secs(), 7200);
/// assert_eq!(Duration::minutes(5).as_secs_i32(), 300);
/// assert_eq!(Duration::ZERO, Duration::parse("0s")?);
/// assert!(Duration::seconds(59) < Duration::minutes(1));
/// // The same parser backs `FromStr`:
/// let grace: Duration = "45s".parse()?;
/// assert_eq!(grace.as_secs(), 45);
/// # Ok::<(), k8s_dsl_rules::Violation>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration {
    secs: i64,
}

impl Duration {
    /// No time at all.
    pub const ZERO: Duration = Duration { secs: 0 };

    /// `n` seconds.
    pub const fn seconds(n: u32) -> Duration {
        Duration { secs: n as i64 }
    }

    /// `n` minutes.
    pub const fn minutes(n: u32) -> Duration {
        Duration {
            secs: (n as i64).saturating_mul(60),
        }
    }

    /// `n` hours.
    pub const fn hours(n: u32) -> Duration {
        Duration {
            secs: (n as i64).saturating_mul(3600),
        }
    }

    /// The whole number of seconds.
    pub fn as_secs(&self) -> i64 {
        self.secs
    }

    /// The seconds as an `i32` (the type of most `*Seconds` fields), saturating.
    pub fn as_secs_i32(&self) -> i32 {
        i32::try_from(self.secs).unwrap_or(i32::MAX)
    }

    /// Parses `10s`, `2m`, `1h30m`, `1h2m3s` or `0s`.
    pub fn parse(text: &str) -> Checked<Duration> {
        let fail = |message: String, fix: &str| Err(Violation::new(0, message, fix));
        if text.is_empty() {
            return fail(
                "duration may not be empty".to_string(),
                "write a duration such as `30s`, `5m` or `1h30m`",
            );
        }
        if text.bytes().all(|b| b.is_ascii_digit()) {
            return fail(
                format!("duration {} has no unit", shown(text)),
                &format!("add a unit: `{}s`", text.get(..20).unwrap_or(text)),
            );
        }
        if text.starts_with('-') {
            return fail(
                format!("duration {} is negative", shown(text)),
                "use a duration of zero or more, such as `0s`",
            );
        }
        if let Some(short) = with_short_units(text) {
            return fail(
                format!(
                    "duration {} is not written with the units `h`, `m` and `s`",
                    shown(text)
                ),
                &format!("write `{short}`"),
            );
        }
        let mut total: i64 = 0;
        // 3 = hours, 2 = minutes, 1 = seconds: units must strictly decrease.
        let mut last_rank = 4;
        let mut rest = text;
        while !rest.is_empty() {
            let digits_len = rest.bytes().take_while(u8::is_ascii_digit).count();
            let (number, after) = rest.split_at(digits_len);
            if number.is_empty() {
                let c = after.chars().next().unwrap_or(' ');
                return fail(
                    format!(
                        "duration {} has {} where a number belongs",
                        shown(text),
                        shown(c.encode_utf8(&mut [0; 4]))
                    ),
                    "write whole numbers followed by `h`, `m` or `s`, such as `1h30m`",
                );
            }
            let unit = after.chars().next();
            let (rank, per_unit) = match unit {
                Some('h') => (3, 3600),
                Some('m') if !after.starts_with("ms") => (2, 60),
                Some('s') => (1, 1),
                Some('.') | Some(',') => {
                    return fail(
                        format!("duration {} has a fraction", shown(text)),
                        "use whole units, such as `1m30s` instead of `1.5m`",
                    )
                }
                None => {
                    return fail(
                        format!("duration {} ends without a unit", shown(text)),
                        "add a unit to the last number: `h`, `m` or `s`",
                    )
                }
                Some(other) => {
                    let fix = match other {
                        'd' => "use hours: `24h` is one day",
                        'H' | 'M' | 'S' => "write units in lowercase: `h`, `m`, `s`",
                        'm' => "durations are whole seconds; use `s`",
                        _ => "use the units `h`, `m` and `s`",
                    };
                    let shown_unit: String = after
                        .chars()
                        .take_while(|c| c.is_alphabetic())
                        .take(8)
                        .collect();
                    let shown_unit = if shown_unit.is_empty() {
                        other.to_string()
                    } else {
                        shown_unit
                    };
                    return fail(
                        format!(
                            "duration {} has the unknown unit {}",
                            shown(text),
                            shown(&shown_unit)
                        ),
                        fix,
                    );
                }
            };
            if rank >= last_rank {
                return fail(
                    format!(
                        "duration {} repeats a unit or has them out of order",
                        shown(text)
                    ),
                    "write each unit once, in the order `h`, `m`, `s`: `1h30m`",
                );
            }
            last_rank = rank;
            let value = number
                .parse::<i64>()
                .ok()
                .and_then(|n| n.checked_mul(per_unit))
                .and_then(|n| n.checked_add(total));
            let Some(value) = value else {
                return fail(
                    format!("duration {} is too long", shown(text)),
                    "use a shorter duration",
                );
            };
            total = value;
            rest = after.get(1..).unwrap_or("");
        }
        Ok(Duration { secs: total })
    }
}

/// Parses a duration; the same as [`Duration::parse`].
///
/// ```
/// use k8s_dsl_rules::duration;
///
/// assert_eq!(duration::parse("2m")?.as_secs(), 120);
/// assert!(duration::parse("1.5h").is_err());
/// assert!(duration::parse("").is_err());
/// # Ok::<(), k8s_dsl_rules::Violation>(())
/// ```
pub fn parse(text: &str) -> Checked<Duration> {
    Duration::parse(text)
}

impl FromStr for Duration {
    type Err = Violation;

    fn from_str(s: &str) -> Result<Self, Violation> {
        Duration::parse(s)
    }
}

impl fmt::Display for Duration {
    /// The canonical form: `1h30m`, `10s`, `0s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.secs == 0 {
            return f.write_str("0s");
        }
        let hours = self.secs / 3600;
        let minutes = (self.secs % 3600) / 60;
        let seconds = self.secs % 60;
        if hours > 0 {
            write!(f, "{hours}h")?;
        }
        if minutes > 0 {
            write!(f, "{minutes}m")?;
        }
        if seconds > 0 {
            write!(f, "{seconds}s")?;
        }
        Ok(())
    }
}

/// `text` with each spelled-out unit (`sec`, `mins`, `hours`, `H`, ...) written `s`, `m` or `h`
/// and spaces dropped, when that is all that keeps it from being a valid duration: `30sec`
/// gives `30s`, `1 hour 30 minutes` gives `1h30m`. `None` for text already in that form or
/// with anything else wrong.
fn with_short_units(text: &str) -> Option<String> {
    const MAX_LEN: usize = 64;
    if text.len() > MAX_LEN {
        return None;
    }
    let mut short = String::with_capacity(text.len());
    let mut rest = text;
    // A space may follow a number (`1 hour`) or a unit (`1h 30m`), but two numbers with only
    // spaces between them (`1 30s`) are not one number.
    let mut after_number_space = false;
    while let Some(c) = rest.chars().next() {
        let run = if c.is_ascii_digit() {
            rest.bytes().take_while(u8::is_ascii_digit).count()
        } else if c.is_ascii_alphabetic() {
            rest.bytes().take_while(u8::is_ascii_alphabetic).count()
        } else if c == ' ' {
            1
        } else {
            return None;
        };
        let (word, after) = rest.split_at(run);
        rest = after;
        if c.is_ascii_digit() {
            if after_number_space {
                return None;
            }
            short.push_str(word);
        } else if c == ' ' {
            after_number_space = short.ends_with(|c: char| c.is_ascii_digit());
        } else if c.is_ascii_alphabetic() {
            after_number_space = false;
            let unit = match word.to_ascii_lowercase().as_str() {
                "h" | "hr" | "hrs" | "hour" | "hours" => 'h',
                "m" | "min" | "mins" | "minute" | "minutes" => 'm',
                "s" | "sec" | "secs" | "second" | "seconds" => 's',
                _ => return None,
            };
            short.push(unit);
        }
    }
    (short != text && Duration::parse(&short).is_ok()).then_some(short)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn secs(text: &str) -> i64 {
        Duration::parse(text).unwrap().as_secs()
    }

    #[test]
    fn parses_units() {
        assert_eq!(secs("10s"), 10);
        assert_eq!(secs("2m"), 120);
        assert_eq!(secs("1h30m"), 5400);
        assert_eq!(secs("1h2m3s"), 3723);
        assert_eq!(secs("0s"), 0);
        assert_eq!(secs("90s"), 90);
        assert_eq!(secs("1h0m"), 3600);
        assert_eq!(secs("007s"), 7);
        assert_eq!(secs("2h5s"), 7205);
    }

    #[test]
    fn displays_canonically() {
        assert_eq!(Duration::parse("90s").unwrap().to_string(), "1m30s");
        assert_eq!(Duration::parse("1h30m").unwrap().to_string(), "1h30m");
        assert_eq!(Duration::seconds(10).to_string(), "10s");
        assert_eq!(Duration::ZERO.to_string(), "0s");
        assert_eq!(Duration::hours(2).to_string(), "2h");
        assert_eq!(Duration::minutes(61).to_string(), "1h1m");
        assert_eq!(Duration::seconds(3661).to_string(), "1h1m1s");
    }

    #[test]
    fn constructors_do_not_overflow() {
        assert_eq!(
            Duration::hours(u32::MAX).as_secs(),
            i64::from(u32::MAX) * 3600
        );
        assert_eq!(
            Duration::minutes(u32::MAX).as_secs(),
            i64::from(u32::MAX) * 60
        );
        assert_eq!(Duration::hours(u32::MAX).as_secs_i32(), i32::MAX);
        assert_eq!(Duration::seconds(5).as_secs_i32(), 5);
        const C: Duration = Duration::minutes(5);
        assert_eq!(C.as_secs(), 300);
    }

    #[test]
    fn spelled_out_units_get_the_short_form() {
        for (given, short) in [
            ("30sec", "30s"),
            ("2mins", "2m"),
            ("1 hour 30 minutes", "1h30m"),
            ("1H", "1h"),
            ("10 s", "10s"),
        ] {
            let e = Duration::parse(given).unwrap_err();
            assert!(
                e.message
                    .ends_with("is not written with the units `h`, `m` and `s`"),
                "{given}: {}",
                e.message
            );
            assert_eq!(e.fix, format!("write `{short}`"), "{given}");
        }
        // no short form: the ordinary errors
        assert!(Duration::parse("30days")
            .unwrap_err()
            .message
            .contains("unknown unit"));
        assert!(Duration::parse("1m1h")
            .unwrap_err()
            .message
            .contains("out of order"));
        assert!(with_short_units("30s").is_none());
        // spaces between two numbers are not dropped: the ordinary error stays
        assert!(with_short_units("1 30s").is_none());
        assert!(with_short_units("1 2 3s").is_none());
        assert_eq!(with_short_units("1h 30m").as_deref(), Some("1h30m"));
        assert!(with_short_units(&"1sec".repeat(100)).is_none());
    }

    #[test]
    fn bare_numbers_need_a_unit() {
        let e = Duration::parse("10").unwrap_err();
        assert_eq!(e.rule, 0);
        assert_eq!(e.message, "duration `10` has no unit");
        assert_eq!(e.fix, "add a unit: `10s`");
    }

    #[test]
    fn rejects_bad_durations() {
        for bad in [
            "",
            "-5s",
            "1.5m",
            "1,5m",
            "5d",
            "5S",
            "10ms",
            "1m1h",
            "1s1s",
            "h",
            "1h30",
            "s",
            " 5s",
            "5s ",
            "5 s",
            "+5s",
            "1µs",
            "٣s",
            "99999999999999999999s",
            "9223372036854775807h",
        ] {
            assert!(Duration::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            Duration::parse("5d").unwrap_err().fix,
            "use hours: `24h` is one day"
        );
        assert_eq!(
            Duration::parse("1.5m").unwrap_err().message,
            "duration `1.5m` has a fraction"
        );
        assert_eq!(
            Duration::parse("10ms").unwrap_err().fix,
            "durations are whole seconds; use `s`"
        );
        assert!(Duration::parse("1m1h")
            .unwrap_err()
            .message
            .contains("out of order"));
    }

    #[test]
    fn one_megabyte_inputs_give_errors_not_panics() {
        assert!(Duration::parse(&"9".repeat(1 << 20)).is_err());
        assert!(Duration::parse(&format!("{}s", "9".repeat(1 << 20))).is_err());
        assert!(Duration::parse(&"1s".repeat(1 << 19)).is_err());
        let e = Duration::parse(&"9".repeat(1 << 20)).unwrap_err();
        assert!(e.fix.len() < 40);
    }

    #[test]
    fn from_str_and_ordering() {
        let a: Duration = "1m".parse().unwrap();
        let b: Duration = "59s".parse().unwrap();
        assert!(a > b);
        assert_eq!(a, Duration::minutes(1));
    }
}

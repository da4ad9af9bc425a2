//! Resource quantities and resource names (rule 48).
//!
//! The grammar is apimachinery's `resource.ParseQuantity`
//! (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go):
//!
//! ```text
//! <quantity>        ::= <signedNumber><suffix>
//! <signedNumber>    ::= <number> | <sign><number>
//! <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
//! <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI>
//! <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei
//! <decimalSI>       ::= n | u | m | "" | k | M | G | T | P | E
//! <decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber>
//! ```
//!
//! Like the API server, values are rounded up (away from zero) to a whole nano-unit and
//! binary-suffixed values are capped at 2^63-1 units; the value is kept exactly in an `i128`
//! of nano-units, saturating.
//!
//! ```
//! use std::cmp::Ordering;
//! use k8s_dsl_rules::quantity::{self, Quantity};
//!
//! let memory = quantity::parse("1Gi")?;
//! assert_eq!(memory.cmp_value(&Quantity::parse("1073741824")?), Ordering::Equal);
//! assert_eq!(quantity::parse("1GB").unwrap_err().rule, 48);
//! assert!(quantity::resource_name("nvidia.com/gpu").is_ok());
//! # Ok::<(), k8s_dsl_rules::Violation>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use super::{labels, shown, suggest, Checked, Violation};

/// The notation a quantity was written in, which decides its canonical form.
///
/// ```
/// use k8s_dsl_rules::quantity::{Quantity, QuantityFormat};
///
/// assert_eq!(Quantity::parse("500m")?.format(), QuantityFormat::DecimalSi);
/// assert_eq!(Quantity::parse("512Mi")?.format(), QuantityFormat::BinarySi);
/// assert_eq!(Quantity::parse("1e3")?.format(), QuantityFormat::DecimalExponent);
/// # Ok::<(), k8s_dsl_rules::Violation>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuantityFormat {
    /// A decimal SI suffix or none: `500m`, `1k`, `2G`, `3`.
    DecimalSi,
    /// A binary suffix: `1Ki`, `512Mi`, `2Gi`.
    BinarySi,
    /// A decimal exponent: `1e3`, `5E-2`.
    DecimalExponent,
}

/// A parsed resource quantity: the text as written and its exact value.
///
/// Two quantities are `==` when their text is the same; compare values with
/// [`Quantity::cmp_value`] (`1Gi` and `1073741824` are equal in value, not in text).
///
/// ```
/// use std::cmp::Ordering;
/// use k8s_dsl_rules::quantity::Quantity;
///
/// let cpu = Quantity::parse("500m")?;
/// assert_eq!(cpu.as_str(), "500m");
/// assert_eq!(cpu.as_nanos(), 500_000_000);
/// assert_eq!(cpu.cmp_value(&Quantity::parse("1")?), Ordering::Less);
/// assert!(!cpu.is_zero() && !cpu.is_negative());
/// assert!(Quantity::parse("-1")?.is_negative());
/// // Equality compares the text, `cmp_value` the value:
/// assert_ne!(Quantity::parse("1Ki")?, Quantity::parse("1024")?);
/// assert_eq!(Quantity::parse("1Ki")?.cmp_value(&Quantity::parse("1024")?), Ordering::Equal);
/// let memory: Quantity = "256Mi".parse()?;
/// assert_eq!(memory.to_string(), "256Mi");
/// # Ok::<(), k8s_dsl_rules::Violation>(())
/// ```
#[derive(Debug, Clone)]
pub struct Quantity {
    text: String,
    nanos: i128,
    format: QuantityFormat,
}

const DECIMAL_SUFFIXES: [(&str, i64); 10] = [
    ("n", -9),
    ("u", -6),
    ("m", -3),
    ("", 0),
    ("k", 3),
    ("M", 6),
    ("G", 9),
    ("T", 12),
    ("P", 15),
    ("E", 18),
];
const BINARY_SUFFIXES: [(&str, u32); 6] = [
    ("Ki", 10),
    ("Mi", 20),
    ("Gi", 30),
    ("Ti", 40),
    ("Pi", 50),
    ("Ei", 60),
];
/// Nano-units per unit.
const NANO: i128 = 1_000_000_000;
/// `maxAllowed` in quantity.go: binary-suffixed quantities are capped at 2^63-1 units.
const BINARY_CAP: u128 = (i64::MAX as u128) * (NANO as u128);
/// The largest magnitude kept, in nano-units.
const SATURATED: u128 = i128::MAX as u128;

/// How a suffix scales the number.
#[derive(Debug, Clone, Copy)]
enum Scale {
    Decimal(i64),
    Binary(u32),
    Exponent(i64),
}

/// Interprets a suffix the way `quantitySuffixer.interpret` does.
fn interpret(suffix: &str) -> Option<Scale> {
    if let Some((_, e)) = DECIMAL_SUFFIXES.iter().find(|(s, _)| *s == suffix) {
        return Some(Scale::Decimal(*e));
    }
    if let Some((_, e)) = BINARY_SUFFIXES.iter().find(|(s, _)| *s == suffix) {
        return Some(Scale::Binary(*e));
    }
    let rest = suffix
        .strip_prefix('e')
        .or_else(|| suffix.strip_prefix('E'))?;
    let digits = rest
        .strip_prefix('+')
        .or_else(|| rest.strip_prefix('-'))
        .unwrap_or(rest);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Go parses the exponent as an int64 and then truncates it to int32.
    let parsed: i64 = rest.parse().ok()?;
    Some(Scale::Exponent(i64::from(parsed as i32)))
}

/// The magnitude in nano-units (rounded up, saturating) and the format of `int_digits`
/// `.frac_digits` under `scale`, by decimal digit arithmetic: any length, any exponent.
fn digit_magnitude(int_digits: &[u8], frac_digits: &[u8], scale: Scale) -> (u128, QuantityFormat) {
    let frac_len = i64::try_from(frac_digits.len()).unwrap_or(i64::MAX);
    let mut digits = Vec::with_capacity(int_digits.len() + frac_digits.len());
    digits.extend_from_slice(int_digits);
    digits.extend_from_slice(frac_digits);
    match scale {
        Scale::Decimal(e) => (
            scaled(&digits, e.saturating_add(9).saturating_sub(frac_len)),
            QuantityFormat::DecimalSi,
        ),
        Scale::Exponent(e) => (
            scaled(&digits, e.saturating_add(9).saturating_sub(frac_len)),
            QuantityFormat::DecimalExponent,
        ),
        Scale::Binary(power) => {
            let shift = 9i64.saturating_sub(frac_len);
            let significant = digits.iter().skip_while(|&&d| d == b'0').count();
            let len = i64::try_from(significant).unwrap_or(i64::MAX);
            let magnitude = if len.saturating_add(shift) > 39 {
                SATURATED
            } else {
                let start = digits.len() - significant;
                let tail = digits.get(start..).unwrap_or(&[]);
                scaled(&times_power_of_two(tail, power), shift)
            };
            (magnitude.min(BINARY_CAP), QuantityFormat::BinarySi)
        }
    }
}

/// The magnitude in nano-units and the format of a whole number of at most 18 digits (no
/// fraction) under `scale`, when the result fits in 128 bits: the common case of
/// [`Quantity::parse`], exact like the general digit arithmetic (`None` sends a quantity there).
fn whole_magnitude(
    int_digits: &[u8],
    frac_digits: &[u8],
    scale: Scale,
) -> Option<(u128, QuantityFormat)> {
    if !frac_digits.is_empty() || int_digits.len() > 18 {
        return None;
    }
    let value = u128::from(
        int_digits
            .iter()
            .fold(0u64, |v, d| v * 10 + u64::from(d.saturating_sub(b'0'))),
    );
    match scale {
        Scale::Decimal(e) | Scale::Exponent(e) => {
            let shift = u32::try_from(e.checked_add(9)?).ok()?;
            let magnitude = value.checked_mul(10u128.checked_pow(shift)?)?;
            let format = match scale {
                Scale::Exponent(_) => QuantityFormat::DecimalExponent,
                _ => QuantityFormat::DecimalSi,
            };
            Some((magnitude, format))
        }
        Scale::Binary(power) => {
            let magnitude = value
                .checked_mul(1u128.checked_shl(power)?)?
                .checked_mul(NANO as u128)?;
            Some((magnitude.min(BINARY_CAP), QuantityFormat::BinarySi))
        }
    }
}

/// `ceil(digits × 10^shift)` for ASCII decimal `digits`, saturating at [`SATURATED`].
fn scaled(digits: &[u8], shift: i64) -> u128 {
    let start = digits
        .iter()
        .position(|&d| d != b'0')
        .unwrap_or(digits.len());
    let significant = digits.get(start..).unwrap_or(&[]);
    if significant.is_empty() {
        return 0;
    }
    let len = i64::try_from(significant.len()).unwrap_or(i64::MAX);
    let whole_len = len.saturating_add(shift);
    if whole_len > 39 {
        return SATURATED;
    }
    let whole_count = usize::try_from(whole_len.max(0)).unwrap_or(0);
    let (whole, dropped) = significant.split_at(whole_count.min(significant.len()));
    let mut value: u128 = 0;
    for &d in whole {
        value = match value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u128::from(d.saturating_sub(b'0'))))
        {
            Some(v) => v,
            None => return SATURATED,
        };
    }
    if shift > 0 {
        for _ in 0..shift {
            value = match value.checked_mul(10) {
                Some(v) => v,
                None => return SATURATED,
            };
        }
    }
    if dropped.iter().any(|&d| d != b'0') {
        value = value.saturating_add(1);
    }
    value.min(SATURATED)
}

/// `digits × 2^power` as ASCII decimal digits.
fn times_power_of_two(digits: &[u8], power: u32) -> Vec<u8> {
    let mut out: Vec<u8> = digits.iter().map(|d| d.saturating_sub(b'0')).collect();
    let mut left = power;
    while left > 0 {
        let step = left.min(28);
        left -= step;
        let factor: u64 = 1 << step;
        let mut carry: u64 = 0;
        for d in out.iter_mut().rev() {
            let v = u64::from(*d) * factor + carry;
            *d = (v % 10) as u8;
            carry = v / 10;
        }
        let mut head = Vec::new();
        while carry > 0 {
            head.push((carry % 10) as u8);
            carry /= 10;
        }
        head.reverse();
        if !head.is_empty() {
            head.extend_from_slice(&out);
            out = head;
        }
    }
    out.iter().map(|d| d + b'0').collect()
}

fn bad(message: String, fix: impl Into<String>) -> Violation {
    Violation::new(48, message, fix)
}

/// The fix for an unknown suffix, naming the suffixes the user most likely meant.
fn suffix_fix(suffix: &str) -> String {
    let letter_fix = |head: &str| -> Option<String> {
        let (dec, bin, dec_power, bin_power) = match head.to_ascii_lowercase().as_str() {
            "k" => ("k", "Ki", 3, 10),
            "m" => ("M", "Mi", 6, 20),
            "g" => ("G", "Gi", 9, 30),
            "t" => ("T", "Ti", 12, 40),
            "p" => ("P", "Pi", 15, 50),
            "e" => ("E", "Ei", 18, 60),
            _ => return None,
        };
        Some(format!(
            "use `{dec}` (10^{dec_power}) or `{bin}` (2^{bin_power})"
        ))
    };
    // `GB`, `Mb`, `kB`: byte units from other tools.
    if let Some(head) = suffix
        .strip_suffix('B')
        .or_else(|| suffix.strip_suffix('b'))
    {
        if head.len() == 2 && head.ends_with(['i', 'I']) {
            if let Some(Scale::Binary(_)) = interpret(&capitalise_binary(head)) {
                return format!("use `{}`", capitalise_binary(head));
            }
        }
        if let Some(fix) = letter_fix(head) {
            return fix;
        }
    }
    if suffix.len() == 2 && suffix.ends_with(['i', 'I']) {
        let fixed = capitalise_binary(suffix);
        if interpret(&fixed).is_some() {
            return format!("use `{fixed}` (suffixes are case-sensitive)");
        }
    }
    if suffix == "K" {
        return "use `k` (10^3) or `Ki` (2^10)".to_string();
    }
    let known = DECIMAL_SUFFIXES
        .iter()
        .map(|(s, _)| *s)
        .chain(BINARY_SUFFIXES.iter().map(|(s, _)| *s))
        .filter(|s| !s.is_empty());
    match suggest::closest(suffix, known) {
        Some(s) if s.len() > 1 => format!("use `{s}`"),
        _ => "use a suffix such as `m`, `k`, `M`, `G`, `Ki`, `Mi` or `Gi`, or an exponent \
              such as `e3`"
            .to_string(),
    }
}

/// `gi` → `Gi`, `KI` → `Ki`.
fn capitalise_binary(two: &str) -> String {
    let mut chars = two.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase());
    first
        .into_iter()
        .chain(chars.map(|c| c.to_ascii_lowercase()))
        .collect()
}

impl Quantity {
    /// Parses a quantity such as `500m`, `1.5`, `2Gi` or `1e3` (rule 48, `ParseQuantity`).
    ///
    /// Negative quantities parse (the type allows them); callers that need a non-negative
    /// amount check [`Quantity::is_negative`].
    pub fn parse(text: &str) -> Checked<Quantity> {
        let (nanos, format) = Quantity::scan(text)?;
        Ok(Quantity {
            text: text.to_string(),
            nanos,
            format,
        })
    }

    /// The value of `text` in nano-units, checked as [`Quantity::parse`] checks it, without
    /// keeping a copy of the text.
    pub fn nanos_of(text: &str) -> Checked<i128> {
        Quantity::scan(text).map(|(nanos, _)| nanos)
    }

    /// The value and the format of `text` (rule 48, `resource.ParseQuantity`).
    fn scan(text: &str) -> Checked<(i128, QuantityFormat)> {
        // rule 48, resource.ParseQuantity
        if text.is_empty() {
            return Err(bad(
                "quantity may not be empty".to_string(),
                "write a number with an optional suffix, such as `500m` or `1Gi`",
            ));
        }
        if text.chars().any(char::is_whitespace) {
            let joined: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let fix = if !joined.is_empty() && Quantity::parse(&joined).is_ok() {
                format!("use {}", shown(&joined))
            } else {
                "remove the whitespace".to_string()
            };
            return Err(bad(
                format!("quantity {} may not contain whitespace", shown(text)),
                fix,
            ));
        }
        let bytes = text.as_bytes();
        let (negative, mut pos) = match bytes.first() {
            Some(b'-') => (true, 1),
            Some(b'+') => (false, 1),
            _ => (false, 0),
        };
        let int_start = pos;
        while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
            pos += 1;
        }
        let int_digits = bytes.get(int_start..pos).unwrap_or(&[]);
        let mut frac_digits: &[u8] = &[];
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            let frac_start = pos;
            while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
                pos += 1;
            }
            frac_digits = bytes.get(frac_start..pos).unwrap_or(&[]);
        }
        let suffix = text.get(pos..).unwrap_or("");
        let scale = interpret(suffix);
        if int_digits.is_empty() && frac_digits.is_empty() {
            return Err(match scale {
                Some(_) if !suffix.is_empty() => bad(
                    format!("quantity {} has no number before the suffix", shown(text)),
                    format!("put a number first, such as `1{suffix}`"),
                ),
                _ => bad(
                    format!("quantity {} is not a number", shown(text)),
                    "write a number with an optional suffix, such as `500m` or `1Gi`",
                ),
            });
        }
        let Some(scale) = scale else {
            let starts_numeric = suffix
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'.' | b'+' | b'-'));
            if starts_numeric {
                return Err(bad(
                    format!("quantity {} is not a valid number", shown(text)),
                    "write one number with at most one `.`, such as `1.5`, then an optional suffix",
                ));
            }
            let is_exponent = suffix.starts_with(['e', 'E'])
                && suffix.get(1..).is_some_and(|r| {
                    !r.is_empty()
                        && r.bytes()
                            .all(|b| b.is_ascii_digit() || b == b'+' || b == b'-')
                });
            if is_exponent {
                return Err(bad(
                    format!(
                        "the exponent of quantity {} is not a valid number",
                        shown(text)
                    ),
                    "use a whole exponent such as `e3` or `e-3`",
                ));
            }
            return Err(bad(
                format!(
                    "{} is not a quantity suffix (in {})",
                    shown(suffix),
                    shown(text)
                ),
                suffix_fix(suffix),
            ));
        };
        // Most quantities (`500m`, `128Mi`, `2`) are whole numbers that fit in 64 bits: their
        // value is computed directly; the digit arithmetic below handles the rest.
        let (magnitude, format) = match whole_magnitude(int_digits, frac_digits, scale) {
            Some(found) => found,
            None => digit_magnitude(int_digits, frac_digits, scale),
        };
        let magnitude = i128::try_from(magnitude).unwrap_or(i128::MAX);
        Ok((if negative { -magnitude } else { magnitude }, format))
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text as written, taken out of the quantity (no copy).
    ///
    /// ```
    /// use k8s_dsl_rules::quantity::Quantity;
    ///
    /// assert_eq!(Quantity::parse("1.5Gi")?.into_text(), "1.5Gi");
    /// # Ok::<(), k8s_dsl_rules::Violation>(())
    /// ```
    pub fn into_text(self) -> String {
        self.text
    }

    /// Whether the value is below zero.
    pub fn is_negative(&self) -> bool {
        self.nanos < 0
    }

    /// Whether the value is zero.
    pub fn is_zero(&self) -> bool {
        self.nanos == 0
    }

    /// The value in nano-units (10^-9), rounded away from zero and saturating.
    pub fn as_nanos(&self) -> i128 {
        self.nanos
    }

    /// The notation the quantity was written in.
    pub fn format(&self) -> QuantityFormat {
        self.format
    }

    /// Compares the values (`1Gi` equals `1073741824`, `500m` is less than `1`).
    pub fn cmp_value(&self, other: &Self) -> Ordering {
        self.nanos.cmp(&other.nanos)
    }
}

impl PartialEq for Quantity {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Quantity {}

/// Parses a quantity; the same as [`Quantity::parse`].
///
/// ```
/// use k8s_dsl_rules::quantity;
///
/// assert_eq!(quantity::parse("1.5")?.as_nanos(), 1_500_000_000);
/// let violation = quantity::parse("12 Mi").unwrap_err();
/// assert_eq!(violation.rule, 48);
/// # Ok::<(), k8s_dsl_rules::Violation>(())
/// ```
pub fn parse(text: &str) -> Checked<Quantity> {
    Quantity::parse(text)
}

impl FromStr for Quantity {
    type Err = Violation;

    fn from_str(s: &str) -> Result<Self, Violation> {
        Quantity::parse(s)
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The standard resources a container may request (`IsStandardContainerResourceName`).
///
/// ```
/// use k8s_dsl_rules::quantity::{resource_name, STANDARD_CONTAINER_RESOURCES};
///
/// assert!(STANDARD_CONTAINER_RESOURCES.iter().all(|name| resource_name(name).is_ok()));
/// assert!(!STANDARD_CONTAINER_RESOURCES.contains(&"gpu"));
/// ```
pub const STANDARD_CONTAINER_RESOURCES: [&str; 3] = ["cpu", "memory", "ephemeral-storage"];

/// The size part of a `hugepages-<size>` resource name, if it is a positive quantity.
///
/// ```
/// use k8s_dsl_rules::quantity::huge_page_size;
///
/// assert_eq!(huge_page_size("hugepages-2Mi").map(|q| q.as_nanos()), Some(2 * 1024 * 1024 * 1_000_000_000));
/// assert_eq!(huge_page_size("hugepages-0"), None);
/// assert_eq!(huge_page_size("memory"), None);
/// ```
pub fn huge_page_size(name: &str) -> Option<Quantity> {
    let size = name.strip_prefix("hugepages-")?;
    let q = Quantity::parse(size).ok()?;
    (q.as_nanos() > 0).then_some(q)
}

/// A container resource name (rule 48, `validateContainerResourceName`): `cpu`, `memory`,
/// `ephemeral-storage`, `hugepages-<size>`, or a domain-prefixed extended resource such as
/// `nvidia.com/gpu`.
///
/// ```
/// use k8s_dsl_rules::quantity::resource_name;
///
/// assert!(resource_name("memory").is_ok());
/// assert!(resource_name("hugepages-1Gi").is_ok());
/// assert!(resource_name("example.com/fpga").is_ok());
/// let violation = resource_name("gpu").unwrap_err(); // extended resources need a domain
/// assert_eq!(violation.rule, 48);
/// ```
pub fn resource_name(name: &str) -> Checked {
    // rule 48, validateContainerResourceName / ValidateResourceName
    if STANDARD_CONTAINER_RESOURCES.contains(&name) {
        return Ok(()); // nearly every name, and a valid qualified name
    }
    labels::qualified_name(name, 48, "resource name")?;
    if !name.contains('/') {
        if STANDARD_CONTAINER_RESOURCES.contains(&name) {
            return Ok(());
        }
        if name.starts_with("hugepages-") {
            if huge_page_size(name).is_some() {
                return Ok(());
            }
            return Err(Violation::new(
                48,
                format!(
                    "resource name {} does not end with a page size",
                    shown(name)
                ),
                "name a page size, such as `hugepages-2Mi` or `hugepages-1Gi`",
            ));
        }
        let extended =
            format!("give an extended resource a domain prefix, such as `example.com/{name}`");
        let fix = match suggest::closest(name, STANDARD_CONTAINER_RESOURCES) {
            Some(s) => format!("use `{s}`, or {extended}"),
            None => extended,
        };
        return Err(Violation::new(
            48,
            format!(
                "{} is not a standard container resource; expected `cpu`, `memory`, \
                 `ephemeral-storage` or `hugepages-<size>`",
                shown(name)
            ),
            fix,
        ));
    }
    // IsNativeResource: a `kubernetes.io/` prefix is native, not extended.
    if name.contains("kubernetes.io/") {
        return Ok(());
    }
    // IsExtendedResourceName.
    if name.starts_with("requests.") {
        return Err(Violation::new(
            48,
            format!(
                "extended resource name {} may not start with `requests.`",
                shown(name)
            ),
            "remove the `requests.` prefix",
        ));
    }
    let quota_name = format!("requests.{name}");
    if labels::qualified_name(&quota_name, 48, "resource name").is_err() {
        return Err(Violation::new(
            48,
            format!(
                "extended resource name {} has too long a prefix: `requests.` plus the prefix \
                 must fit in 253 characters",
                shown(name)
            ),
            "shorten the domain prefix to 244 characters or fewer",
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn nanos(text: &str) -> i128 {
        Quantity::parse(text).unwrap().as_nanos()
    }

    #[test]
    fn rule_48_whole_number_fast_path_equals_digit_arithmetic() {
        let numbers = [
            "0",
            "1",
            "7",
            "10",
            "500",
            "999",
            "1024",
            "4096",
            "65535",
            "100000",
            "123456789",
            "4294967296",
            "999999999999",
            "9223372036854775807",
            "999999999999999999",
            "000000000000000042",
        ];
        let mut scales: Vec<Scale> = (-30..=40).map(Scale::Decimal).collect();
        scales.extend((-30..=40).map(Scale::Exponent));
        scales.extend(
            BINARY_SUFFIXES
                .iter()
                .map(|(_, power)| Scale::Binary(*power)),
        );
        scales.extend([Scale::Binary(0), Scale::Binary(90), Scale::Binary(127)]);
        let mut fast = 0;
        for number in numbers {
            for scale in &scales {
                if let Some(found) = whole_magnitude(number.as_bytes(), b"", *scale) {
                    fast += 1;
                    assert_eq!(
                        found,
                        digit_magnitude(number.as_bytes(), b"", *scale),
                        "{number} at {scale:?}"
                    );
                }
            }
        }
        // the fast path takes the common cases (and leaves the rest to the digit arithmetic)
        assert!(fast > 1000, "{fast}");
        for (digits, scale) in [
            ("500", Scale::Decimal(-3)),
            ("128", Scale::Binary(20)),
            ("2", Scale::Decimal(0)),
            ("1", Scale::Binary(60)),
        ] {
            assert!(whole_magnitude(digits.as_bytes(), b"", scale).is_some());
        }
        assert_eq!(whole_magnitude(b"15", b"5", Scale::Decimal(0)), None);
        assert_eq!(
            whole_magnitude(b"1234567890123456789", b"", Scale::Decimal(0)),
            None
        );
    }

    #[test]
    fn rule_48_quantity_decimal_values() {
        assert_eq!(nanos("0"), 0);
        assert_eq!(nanos("1"), NANO);
        assert_eq!(nanos("500m"), NANO / 2);
        assert_eq!(nanos("1.5"), 1_500_000_000);
        assert_eq!(nanos("1k"), 1000 * NANO);
        assert_eq!(nanos("2G"), 2_000_000_000 * NANO);
        assert_eq!(nanos("1n"), 1);
        assert_eq!(nanos("1u"), 1000);
        assert_eq!(nanos(".5"), NANO / 2);
        assert_eq!(nanos("1."), NANO);
        assert_eq!(nanos("+3"), 3 * NANO);
        assert_eq!(nanos("-3"), -3 * NANO);
        assert_eq!(nanos("0001"), NANO);
        assert_eq!(nanos("1E"), 10i128.pow(18) * NANO);
    }

    #[test]
    fn rule_48_quantity_binary_values() {
        assert_eq!(nanos("1Ki"), 1024 * NANO);
        assert_eq!(nanos("1Gi"), (1i128 << 30) * NANO);
        assert_eq!(nanos("1.5Gi"), 3 * (1i128 << 29) * NANO);
        assert_eq!(nanos("0.5Ki"), 512 * NANO);
        assert_eq!(nanos("1Ei"), (1i128 << 60) * NANO);
        // Capped at 2^63-1 units like the API server.
        assert_eq!(nanos("16Ei"), i128::from(i64::MAX) * NANO);
        assert_eq!(
            Quantity::parse("1Gi").unwrap().format(),
            QuantityFormat::BinarySi
        );
    }

    #[test]
    fn rule_48_quantity_exponents() {
        assert_eq!(nanos("1e3"), 1000 * NANO);
        assert_eq!(nanos("1E3"), 1000 * NANO);
        assert_eq!(nanos("1e+3"), 1000 * NANO);
        assert_eq!(nanos("5e-1"), NANO / 2);
        assert_eq!(
            Quantity::parse("1e3").unwrap().format(),
            QuantityFormat::DecimalExponent
        );
    }

    #[test]
    fn rule_48_quantity_rounds_up_to_nano() {
        assert_eq!(nanos("0.1n"), 1);
        assert_eq!(nanos("1.0000000001"), NANO + 1);
        assert_eq!(nanos("-0.1n"), -1);
        assert_eq!(nanos("0.0000000000"), 0);
    }

    #[test]
    fn rule_48_quantity_saturates() {
        assert_eq!(nanos("1e100"), i128::MAX);
        assert_eq!(nanos(&"9".repeat(100)), i128::MAX);
        assert_eq!(nanos(&format!("-{}", "9".repeat(100))), -i128::MAX);
    }

    #[test]
    fn rule_48_quantity_compares_by_value() {
        let a = Quantity::parse("1Gi").unwrap();
        let b = Quantity::parse("1073741824").unwrap();
        assert_eq!(a.cmp_value(&b), Ordering::Equal);
        assert_ne!(a, b);
        let half: Quantity = "500m".parse().unwrap();
        let one: Quantity = "1".parse().unwrap();
        assert_eq!(half.cmp_value(&one), Ordering::Less);
        assert_eq!(half.to_string(), "500m");
        assert_eq!(half.as_str(), "500m");
        assert!(Quantity::parse("-1").unwrap().is_negative());
        assert!(!Quantity::parse("0").unwrap().is_negative());
        assert!(Quantity::parse("0").unwrap().is_zero());
    }

    #[test]
    fn rule_48_quantity_rejects_gb() {
        let e = Quantity::parse("1.5GB").unwrap_err();
        assert_eq!(e.rule, 48);
        assert_eq!(e.message, "`GB` is not a quantity suffix (in `1.5GB`)");
        assert_eq!(e.fix, "use `G` (10^9) or `Gi` (2^30)");
        assert_eq!(
            Quantity::parse("512MB").unwrap_err().fix,
            "use `M` (10^6) or `Mi` (2^20)"
        );
        assert_eq!(Quantity::parse("1GiB").unwrap_err().fix, "use `Gi`");
        assert_eq!(
            Quantity::parse("1gi").unwrap_err().fix,
            "use `Gi` (suffixes are case-sensitive)"
        );
        assert_eq!(
            Quantity::parse("1K").unwrap_err().fix,
            "use `k` (10^3) or `Ki` (2^10)"
        );
        assert_eq!(
            Quantity::parse("1kb").unwrap_err().fix,
            "use `k` (10^3) or `Ki` (2^10)"
        );
    }

    #[test]
    fn rule_48_quantity_rejects_malformed() {
        for bad in [
            "",
            "-",
            "+",
            ".",
            "Gi",
            "abc",
            "1.2.3",
            "1 Gi",
            " 1",
            "1e",
            "1e+",
            "1ee3",
            "1Ki5",
            "1m5",
            "1e3.5",
            "1µ",
            "١",
            "1-2",
            "--1",
            "1e99999999999999999999",
        ] {
            assert!(Quantity::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Quantity::parse("1 Gi").unwrap_err().fix, "use `1Gi`");
        assert_eq!(
            Quantity::parse("Gi").unwrap_err().message,
            "quantity `Gi` has no number before the suffix"
        );
        assert_eq!(
            Quantity::parse("1.2.3").unwrap_err().message,
            "quantity `1.2.3` is not a valid number"
        );
    }

    #[test]
    fn rule_48_quantity_one_megabyte_gives_an_error_not_a_panic() {
        let digits = "7".repeat(1 << 20);
        assert_eq!(nanos(&digits), i128::MAX);
        let tiny = format!("0.{}1", "0".repeat(1 << 20));
        assert_eq!(nanos(&tiny), 1);
        let tiny_binary = format!("0.{}1Ei", "0".repeat(1 << 20));
        assert_eq!(nanos(&tiny_binary), 1);
        let long_fraction = format!("1.{}Ki", "5".repeat(1 << 20));
        assert!(nanos(&long_fraction) > 1024 * NANO);
        assert!(Quantity::parse(&format!("1{}", "x".repeat(1 << 20))).is_err());
    }

    #[test]
    fn rule_48_resource_names() {
        for ok in [
            "cpu",
            "memory",
            "ephemeral-storage",
            "hugepages-2Mi",
            "hugepages-1Gi",
            "nvidia.com/gpu",
            "example.com/foo_bar",
            "kubernetes.io/something",
        ] {
            assert_eq!(resource_name(ok), Ok(()), "{ok}");
        }
        let e = resource_name("gpu").unwrap_err();
        assert_eq!(e.rule, 48);
        assert_eq!(
            e.fix,
            "use `cpu`, or give an extended resource a domain prefix, such as `example.com/gpu`"
        );
        assert!(resource_name("memroy")
            .unwrap_err()
            .fix
            .starts_with("use `memory`, or"));
        assert_eq!(
            resource_name("accelerator").unwrap_err().fix,
            "give an extended resource a domain prefix, such as `example.com/accelerator`"
        );
        assert!(resource_name("hugepages-").is_err());
        assert!(resource_name("hugepages-big").is_err());
        assert!(resource_name("").is_err());
        assert!(resource_name("requests.example.com/gpu").is_err());
        let long_prefix = format!("{}.com/gpu", "a".repeat(245));
        assert!(resource_name(&long_prefix).is_err());
        let fits = format!("{}.com/gpu", "a".repeat(240));
        assert_eq!(resource_name(&fits), Ok(()));
        assert!(resource_name("a/b/c").is_err());
        assert!(resource_name("Example.com/gpu").is_err());
    }
}

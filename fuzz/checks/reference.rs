//! Second, deliberately simple implementations of the API server's grammars, written from the
//! Go sources (apimachinery validation.go, resource/quantity.go, distribution/reference,
//! robfig/cron v3, time.ParseDuration) with regular expressions where Go uses them.
//!
//! The rule parsers of `k8s_dsl::rules` give precise messages and are hand-written; these only
//! say yes or no, so a disagreement points at a bug in one of the two. Places where the
//! project is deliberately stricter or differs knowingly from the API server are listed in
//! [`known_divergence`], each with the reason.

use std::sync::OnceLock;

use regex::Regex;

/// An anchored regular expression, compiled once.
macro_rules! anchored {
    ($name:ident, $pattern:expr) => {
        fn $name() -> &'static Regex {
            static RE: OnceLock<Regex> = OnceLock::new();
            RE.get_or_init(|| match Regex::new(&format!("^(?:{})$", $pattern)) {
                Ok(re) => re,
                Err(e) => panic!("bad reference regex: {e}"),
            })
        }
    };
}

const DNS1123_LABEL: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
anchored!(re_dns1123_label, DNS1123_LABEL);
anchored!(
    re_dns1123_subdomain,
    format!("{DNS1123_LABEL}(\\.{DNS1123_LABEL})*")
);
anchored!(re_dns1035_label, "[a-z]([-a-z0-9]*[a-z0-9])?");
anchored!(
    re_qualified_name_part,
    "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
);
anchored!(re_env_var_name, "[-._a-zA-Z][-._a-zA-Z0-9]*");
anchored!(re_config_map_key, "[-._a-zA-Z0-9]+");
anchored!(re_port_name_charset, "[-a-z0-9]+");
anchored!(re_http_header_name, "[-A-Za-z0-9]+");
anchored!(
    re_quantity,
    // quantity.go's scanner, as a regex: sign, digits, fraction, then one suffix. The number
    // may have no digit at all in Go (`-`, `.`, `k` parse as zero): see `known_divergence`.
    "([+-]?)([0-9]*)(\\.[0-9]*)?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE]([+-]?[0-9]+))?"
);
anchored!(re_duration, "([0-9]+h)?([0-9]+m)?([0-9]+s)?");
anchored!(re_time_zone_part, "[A-Za-z\\.\\-_0-9+]{1,14}");

// distribution/reference regexp.go.
const ALPHANUMERIC: &str = "[a-z0-9]+";
const SEPARATOR: &str = "(?:[._]|__|[-]+)";
const DOMAIN_COMPONENT: &str = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const IPV6: &str = "\\[(?:[a-fA-F0-9:]+)\\]";
// Go's `\w` is ASCII only.
const TAG: &str = "[0-9A-Za-z_][0-9A-Za-z_.-]{0,127}";
const DIGEST: &str = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}";
fn domain_and_port_pattern() -> String {
    let domain_name = format!("{DOMAIN_COMPONENT}(?:\\.{DOMAIN_COMPONENT})*");
    let host = format!("(?:{domain_name}|{IPV6})");
    format!("{host}(?::[0-9]+)?")
}
anchored!(re_domain_and_port, domain_and_port_pattern());
fn reference_pattern() -> String {
    let domain_and_port = domain_and_port_pattern();
    let path_component = format!("{ALPHANUMERIC}(?:{SEPARATOR}{ALPHANUMERIC})*");
    let remote_name = format!("{path_component}(?:/{path_component})*");
    let name = format!("(?:{domain_and_port}/)?{remote_name}");
    format!("({name})(?::({TAG}))?(?:@({DIGEST}))?")
}
anchored!(re_image_reference, reference_pattern());
anchored!(re_identifier, "[a-f0-9]{64}");
anchored!(
    re_go_duration,
    "[-+]?(?:0|(?:(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:ns|us|\u{b5}s|\u{3bc}s|ms|s|m|h))+)"
);

/// Go's `strings.ToLower`: the simple (one rune to one rune) case mapping, so `İ` becomes `i`.
pub fn go_to_lower(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\u{130}' {
                return 'i';
            }
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        })
        .collect()
}

/// `IsDNS1123Subdomain`.
pub fn dns1123_subdomain(s: &str) -> bool {
    s.len() <= 253 && re_dns1123_subdomain().is_match(s)
}

/// `IsDNS1123Label`.
pub fn dns1123_label(s: &str) -> bool {
    s.len() <= 63 && re_dns1123_label().is_match(s)
}

/// `IsDNS1035Label`.
pub fn dns1035_label(s: &str) -> bool {
    s.len() <= 63 && re_dns1035_label().is_match(s)
}

/// `ValidateCronJobCreate`: a subdomain of at most 52 characters.
pub fn cronjob_name(s: &str) -> bool {
    s.len() <= 52 && dns1123_subdomain(s)
}

/// The last pod hostname of an Indexed Job, `<name>-<completions - 1>`, is a DNS-1123 label.
pub fn indexed_job_name(name: &str, completions: i32) -> bool {
    completions <= 0 || dns1123_label(&format!("{name}-{}", i64::from(completions) - 1))
}

fn qualified_name_part(s: &str) -> bool {
    s.len() <= 63 && re_qualified_name_part().is_match(s)
}

/// `IsQualifiedName`.
pub fn qualified_name(s: &str) -> bool {
    let parts: Vec<&str> = s.split('/').collect();
    match parts.as_slice() {
        [name] => qualified_name_part(name),
        [prefix, name] => {
            !prefix.is_empty() && dns1123_subdomain(prefix) && qualified_name_part(name)
        }
        _ => false,
    }
}

/// `IsValidLabelValue`.
pub fn label_value(s: &str) -> bool {
    s.is_empty() || qualified_name_part(s)
}

/// `ValidateAnnotations`: the key, lower-cased by Go, is a qualified name.
pub fn annotation_key(s: &str) -> bool {
    qualified_name(&go_to_lower(s))
}

/// `IsValidPortName`.
pub fn port_name(s: &str) -> bool {
    s.len() <= 15
        && re_port_name_charset().is_match(s)
        && s.bytes().any(|b| b.is_ascii_lowercase())
        && !s.contains("--")
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// `IsHTTPHeaderName`.
pub fn http_header_name(s: &str) -> bool {
    re_http_header_name().is_match(s)
}

fn has_chdir_prefix(s: &str) -> bool {
    s == "." || s == ".." || s.starts_with("..")
}

/// `IsEnvVarName`.
pub fn env_var_name(s: &str) -> bool {
    re_env_var_name().is_match(s) && !has_chdir_prefix(s)
}

/// `IsConfigMapKey`.
pub fn config_map_key(s: &str) -> bool {
    s.len() <= 253 && re_config_map_key().is_match(s) && !has_chdir_prefix(s)
}

/// `resource.ParseQuantity` as Go implements it (accepting a number without digits as zero).
pub fn quantity(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    let Some(caps) = re_quantity().captures(s) else {
        return false;
    };
    // An exponent must fit `strconv.ParseInt(_, 10, 64)`.
    match caps.get(5) {
        Some(exp) => exp.as_str().parse::<i64>().is_ok(),
        None => true,
    }
}

/// Whether the number part of a quantity has at least one digit.
pub fn quantity_has_digits(s: &str) -> bool {
    re_quantity().captures(s).is_some_and(|c| {
        c.get(2).is_some_and(|m| !m.as_str().is_empty())
            || c.get(3).is_some_and(|m| m.as_str().len() > 1)
    })
}

/// The value of a quantity in nano-units, rounded away from zero, with binary suffixes capped
/// at 2^63-1 units (quantity.go); `None` when the input is too large for this simple version.
pub fn quantity_nanos(s: &str) -> Option<i128> {
    if !quantity(s) || !quantity_has_digits(s) {
        return None;
    }
    let caps = re_quantity().captures(s)?;
    let negative = caps.get(1).is_some_and(|m| m.as_str() == "-");
    let int = caps.get(2).map_or("", |m| m.as_str());
    let frac = caps
        .get(3)
        .map_or("", |m| m.as_str())
        .trim_start_matches('.');
    let suffix = caps.get(4).map_or("", |m| m.as_str());
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    if digits.len() > 30 {
        return None;
    }
    let d: u128 = if digits.is_empty() {
        0
    } else {
        digits.parse().ok()?
    };
    let frac_len = i64::try_from(frac.len()).ok()?;
    let pow10 = |n: i64| -> Option<u128> { 10u128.checked_pow(u32::try_from(n).ok()?) };
    let scale = |value: u128, shift: i64| -> Option<u128> {
        if shift >= 0 {
            value.checked_mul(pow10(shift)?)
        } else if -shift > 38 {
            Some(u128::from(value > 0))
        } else {
            let div = pow10(-shift)?;
            Some(value / div + u128::from(value % div != 0))
        }
    };
    let binary = |p: u32| -> Option<u128> {
        let v = scale(d.checked_mul(1u128 << p)?, 9 - frac_len)?;
        Some(v.min(i64::MAX as u128 * 1_000_000_000))
    };
    let magnitude = match suffix {
        "Ki" => binary(10)?,
        "Mi" => binary(20)?,
        "Gi" => binary(30)?,
        "Ti" => binary(40)?,
        "Pi" => binary(50)?,
        "Ei" => binary(60)?,
        _ => {
            let e: i64 = match suffix {
                "n" => -9,
                "u" => -6,
                "m" => -3,
                "" => 0,
                "k" => 3,
                "M" => 6,
                "G" => 9,
                "T" => 12,
                "P" => 15,
                "E" => 18,
                exp => {
                    let e: i64 = exp.get(1..)?.parse().ok()?;
                    if !(-60..=60).contains(&e) {
                        return None;
                    }
                    e
                }
            };
            scale(d, e + 9 - frac_len)?
        }
    };
    let magnitude = i128::try_from(magnitude).ok()?;
    Some(if negative { -magnitude } else { magnitude })
}

/// The project's duration grammar: `[<n>h][<n>m][<n>s]`, not empty, within `i64` seconds.
pub fn duration(s: &str) -> Option<i64> {
    if s.is_empty() {
        return None;
    }
    let caps = re_duration().captures(s)?;
    let mut total: i128 = 0;
    for (index, per_unit) in [(1, 3600i128), (2, 60), (3, 1)] {
        if let Some(m) = caps.get(index) {
            let digits = m.as_str().trim_end_matches(['h', 'm', 's']);
            let digits = digits.trim_start_matches('0');
            if digits.len() > 30 {
                return None;
            }
            let n: i128 = if digits.is_empty() {
                0
            } else {
                digits.parse().ok()?
            };
            total += n * per_unit;
        }
    }
    i64::try_from(total).ok()
}

/// `splitDockerDomain` of distribution/reference (normalize.go).
fn split_docker_domain(name: &str) -> (String, String) {
    let (domain, remote) = match name.split_once('/') {
        None => return ("docker.io".to_string(), format!("library/{name}")),
        Some((maybe_domain, maybe_remote)) => {
            if maybe_domain == "localhost" {
                (maybe_domain.to_string(), maybe_remote.to_string())
            } else if maybe_domain == "index.docker.io" {
                ("docker.io".to_string(), maybe_remote.to_string())
            } else if maybe_domain.contains(['.', ':']) || go_to_lower(maybe_domain) != maybe_domain
            {
                (maybe_domain.to_string(), maybe_remote.to_string())
            } else {
                ("docker.io".to_string(), name.to_string())
            }
        }
    };
    if domain == "docker.io" && !remote.contains('/') {
        return (domain, format!("library/{remote}"));
    }
    (domain, remote)
}

/// What `ParseNormalizedNamed` (the kubelet's check of `image`) thinks of a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageVerdict {
    /// Accepted.
    Valid,
    /// Accepted by the grammar as written, refused only because the name, normalised to
    /// `docker.io/library/<name>`, exceeds 255 characters.
    TooLongOnceNormalised,
    /// A bare 64-hex-digit string, which `ParseNormalizedNamed` refuses as an image ID.
    HexIdentifier,
    /// Accepted only by a detour: `splitDockerDomain` takes the part before the first `/` for
    /// the registry (it holds a `.`), but it is no host name (`a_b.example/app`), so the
    /// reference regexp, finding no registry, reads it as a path component instead. The
    /// runtimes take that part for the registry host all the same, so the image can never be
    /// pulled: the project refuses it, naming the registry (a documented divergence).
    RegistryNotAHost,
    /// Refused.
    Invalid,
}

/// `ParseNormalizedNamed` followed by the digest check of go-digest.
pub fn image(s: &str) -> ImageVerdict {
    if re_identifier().is_match(s) {
        return ImageVerdict::HexIdentifier;
    }
    let (domain, remainder) = split_docker_domain(s);
    let remote = remainder.split(':').next().unwrap_or("");
    if go_to_lower(remote) != remote {
        return ImageVerdict::Invalid;
    }
    let full = format!("{domain}/{remainder}");
    let Some(caps) = re_image_reference().captures(&full) else {
        return ImageVerdict::Invalid;
    };
    if let Some(digest) = caps.get(3) {
        let (algorithm, hex) = digest.as_str().split_once(':').unwrap_or(("", ""));
        let size = match algorithm {
            "sha256" => 64,
            "sha384" => 96,
            "sha512" => 128,
            _ => return ImageVerdict::Invalid,
        };
        if hex.len() != size
            || !hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return ImageVerdict::Invalid;
        }
    }
    let name_len = caps.get(1).map_or(0, |m| m.as_str().len());
    if name_len > 255 {
        // The name as written, without the `docker.io/library/` normalisation added.
        let written = (name_len + s.len()).saturating_sub(full.len());
        if written > 255 {
            return ImageVerdict::Invalid;
        }
        return ImageVerdict::TooLongOnceNormalised;
    }
    if let Some((first, _)) = s.split_once('/') {
        if domain == first && !re_domain_and_port().is_match(first) {
            return ImageVerdict::RegistryNotAHost;
        }
    }
    ImageVerdict::Valid
}

/// `validateTimeZone`'s syntax: every `/`-part matches `[A-Za-z.\-_0-9+]{1,14}`, is not `.`
/// or `..`, and does not start with `-`; and the zone is not `Local` in any case.
pub fn time_zone_syntax(s: &str) -> bool {
    !s.is_empty()
        && s.split('/').all(|part| {
            part != "."
                && part != ".."
                && !part.starts_with('-')
                && re_time_zone_part().is_match(part)
        })
        && !s.eq_ignore_ascii_case("Local")
}

/// Go's `time.ParseDuration`, for durations of moderate size (no overflow handling).
pub fn go_duration(s: &str) -> bool {
    re_go_duration().is_match(s)
}

/// robfig/cron v3 bounds of one field: (min, max, names).
const CRON_FIELDS: [(u64, u64, &[&str]); 5] = [
    (0, 59, &[]),
    (0, 23, &[]),
    (1, 31, &[]),
    (
        1,
        12,
        &[
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ],
    ),
    (0, 6, &["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
];

/// `strconv.Atoi` and the negative check of `mustParseInt`.
fn cron_int(s: &str) -> Option<u64> {
    let n: i64 = s.parse().ok()?;
    u64::try_from(n).ok()
}

/// `parseIntOrName`.
fn cron_value(s: &str, min: u64, names: &[&str]) -> Option<u64> {
    let lower = go_to_lower(s);
    if let Some(i) = names.iter().position(|n| *n == lower) {
        return Some(min + i as u64);
    }
    cron_int(s)
}

/// Why a cron list item was refused by the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CronRefusal {
    /// robfig/cron refuses it.
    Robfig,
    /// robfig/cron accepts it, but the step is larger than the whole field (`*/61`), which the
    /// project refuses (rule 0) because such a schedule only ever fires at the first value.
    StepBeyondField,
}

/// `getRange` of robfig/cron v3, without the star bit.
fn cron_range(expr: &str, (min, max, names): (u64, u64, &[&str])) -> Result<u64, CronRefusal> {
    let range_and_step: Vec<&str> = expr.split('/').collect();
    let low_and_high: Vec<&str> = range_and_step.first().unwrap_or(&"").split('-').collect();
    let single = low_and_high.len() == 1;
    let low = low_and_high.first().copied().unwrap_or("");
    let (start, mut end) = if low == "*" || low == "?" {
        (min, max)
    } else {
        let start = cron_value(low, min, names).ok_or(CronRefusal::Robfig)?;
        let end = match low_and_high.as_slice() {
            [_] => start,
            [_, high] => cron_value(high, min, names).ok_or(CronRefusal::Robfig)?,
            _ => return Err(CronRefusal::Robfig),
        };
        (start, end)
    };
    let step = match range_and_step.as_slice() {
        [_] => 1,
        [_, step] => {
            let step = cron_int(step).ok_or(CronRefusal::Robfig)?;
            if single {
                end = max;
            }
            step
        }
        _ => return Err(CronRefusal::Robfig),
    };
    if start < min || end > max || start > end || step == 0 {
        return Err(CronRefusal::Robfig);
    }
    if step > max - min {
        return Err(CronRefusal::StepBeyondField);
    }
    let mut bits = 0u64;
    let mut v = start;
    while v <= end {
        bits |= 1 << v;
        v += step;
    }
    Ok(bits)
}

/// What the reference makes of a schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CronVerdict {
    /// Five fields with these bits (minute, hour, day of month, month, day of week).
    Fields([u64; 5]),
    /// A descriptor (`@daily`, `@every 5m`).
    Descriptor,
    /// Refused (see [`CronRefusal`]).
    Refused(CronRefusal),
}

/// `validateScheduleFormat`: `cron.ParseStandard`, and no `TZ` anywhere.
pub fn cron(s: &str) -> CronVerdict {
    if s.is_empty() || s.contains("TZ") {
        return CronVerdict::Refused(CronRefusal::Robfig);
    }
    if let Some(rest) = s.strip_prefix('@') {
        let ok = matches!(
            rest,
            "yearly" | "annually" | "monthly" | "weekly" | "daily" | "midnight" | "hourly"
        ) || rest.strip_prefix("every ").is_some_and(go_duration);
        return if ok {
            CronVerdict::Descriptor
        } else {
            CronVerdict::Refused(CronRefusal::Robfig)
        };
    }
    let fields: Vec<&str> = s.split_whitespace().collect();
    if fields.len() != 5 {
        return CronVerdict::Refused(CronRefusal::Robfig);
    }
    let mut out = [0u64; 5];
    let mut refusal = None;
    for ((slot, field), bounds) in out.iter_mut().zip(&fields).zip(CRON_FIELDS) {
        for item in field.split(',').filter(|i| !i.is_empty()) {
            match cron_range(item, bounds) {
                Ok(bits) => *slot |= bits,
                // Both stop at the first problem, in field and item order.
                Err(CronRefusal::Robfig) => {
                    return CronVerdict::Refused(refusal.unwrap_or(CronRefusal::Robfig))
                }
                Err(other) => refusal = refusal.or(Some(other)),
            }
        }
    }
    match refusal {
        Some(r) => CronVerdict::Refused(r),
        None => CronVerdict::Fields(out),
    }
}

/// Inputs on which the project knowingly differs from the API server, with the reason.
/// `None` means the two must agree.
pub fn known_divergence(parser: &str, input: &str) -> Option<&'static str> {
    match parser {
        // Go's scanner reads a number without digits (`-`, `.`, `+.`, `k`, `Mi`, `e3`) as
        // zero; the project refuses it as a typo.
        "quantity" if quantity(input) && !quantity_has_digits(input) => {
            Some("quantity without digits")
        }
        // Go lower-cases with the simple case mapping (`İ` → `i`); Rust's full mapping gives
        // `i̇`, so such keys are refused (stricter, harmless).
        "annotation_key" if input.contains('\u{130}') => Some("Go simple lower-casing of U+0130"),
        // robfig lower-cases names the Go way, so `FRİ` is Friday there; refused here.
        "cron" if input.contains('\u{130}') => Some("Go simple lower-casing of U+0130"),
        _ => None,
    }
}

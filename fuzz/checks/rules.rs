//! The rule parsers against the reference grammars of [`super::reference`]: same verdict on
//! every input (but for the documented divergences), a well-formed violation on refusal, and
//! `Display` of every parsed value parsing back to the same value.

use k8s_dsl::rules::{
    cron::Schedule, duration::Duration, env, image::Image, labels, names, ports,
    quantity::Quantity, timezone, Violation,
};

use super::reference::{self, CronRefusal, CronVerdict, ImageVerdict};

/// The parsers, by name; the fuzz target picks one with its first byte.
pub const PARSERS: &[&str] = &[
    "dns1123_subdomain",
    "dns1123_label",
    "dns1035_label",
    "cronjob_name",
    "indexed_job_name",
    "qualified_name",
    "label_value",
    "annotation_key",
    "port_name",
    "http_header_name",
    "env_var_name",
    "config_map_key",
    "quantity",
    "duration",
    "image",
    "cron",
    "time_zone",
];

/// The fuzz target's body: the first byte picks a parser, the rest (lossy UTF-8) is the input.
pub fn check(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let parser = PARSERS
        .get(usize::from(first) % PARSERS.len())
        .copied()
        .unwrap_or("quantity");
    let input = String::from_utf8_lossy(rest);
    if let Err(problem) = check_one(parser, &input) {
        panic!("{parser}({input:?}): {problem}");
    }
}

/// A violation must carry one of `rules`, say something, and stay short and on one line
/// whatever the input (messages quote values shortened to 64 characters).
fn well_formed(v: &Violation, rules: &[u16]) -> Result<(), String> {
    if !rules.contains(&v.rule) {
        return Err(format!("rule {} is not one of {rules:?}: {v}", v.rule));
    }
    if v.message.is_empty() || v.fix.is_empty() {
        return Err(format!("empty message or fix: {v:?}"));
    }
    if v.message.len() + v.fix.len() > 4096 {
        return Err(format!(
            "message of {} bytes for a short explanation",
            v.message.len() + v.fix.len()
        ));
    }
    if v.message.contains(['\n', '\r']) || v.fix.contains(['\n', '\r']) {
        return Err(format!("message spans lines: {v:?}"));
    }
    Ok(())
}

/// Compares a yes/no rule function with its reference.
fn verdict(
    parser: &str,
    input: &str,
    got: Result<(), Violation>,
    expected: bool,
    rules: &[u16],
) -> Result<(), String> {
    if let Err(v) = &got {
        well_formed(v, rules)?;
    }
    if got.is_ok() == expected || reference::known_divergence(parser, input).is_some() {
        return Ok(());
    }
    Err(match got {
        Ok(()) => "accepted, but the API server refuses it".to_string(),
        Err(v) => format!("refused, but the API server accepts it: {v}"),
    })
}

/// Checks one parser on one input.
pub fn check_one(parser: &str, input: &str) -> Result<(), String> {
    let s = input;
    match parser {
        "dns1123_subdomain" => verdict(
            parser,
            s,
            names::dns1123_subdomain(s, 1, "pod name").and(names::pod_name(s)),
            reference::dns1123_subdomain(s),
            &[1],
        ),
        "dns1123_label" => verdict(
            parser,
            s,
            names::container_name(s),
            reference::dns1123_label(s),
            &[6],
        ),
        "dns1035_label" => verdict(
            parser,
            s,
            names::service_name(s),
            reference::dns1035_label(s),
            &[2],
        ),
        "cronjob_name" => verdict(
            parser,
            s,
            names::cronjob_name(s),
            reference::cronjob_name(s),
            &[3, 4],
        ),
        "indexed_job_name" => {
            // The completions come from the input, so both parts vary.
            let completions = i32::try_from(s.len() % 1_000_003).unwrap_or(0) - 3;
            verdict(
                parser,
                s,
                names::indexed_job_name(s, completions),
                reference::indexed_job_name(s, completions),
                &[5],
            )
        }
        "qualified_name" => {
            verdict(
                parser,
                s,
                labels::label_key(s),
                reference::qualified_name(s),
                &[8],
            )?;
            verdict(
                parser,
                s,
                labels::qualified_name(s, 48, "resource name"),
                reference::qualified_name(s),
                &[48],
            )
        }
        "label_value" => verdict(
            parser,
            s,
            labels::label_value(s),
            reference::label_value(s),
            &[8],
        ),
        "annotation_key" => verdict(
            parser,
            s,
            labels::annotation_key(s),
            reference::annotation_key(s),
            &[9],
        ),
        "port_name" => verdict(
            parser,
            s,
            ports::port_name(s),
            reference::port_name(s),
            &[21],
        ),
        "http_header_name" => verdict(
            parser,
            s,
            ports::http_header_name(s),
            reference::http_header_name(s),
            &[25],
        ),
        "env_var_name" => verdict(
            parser,
            s,
            env::env_var_name(s),
            reference::env_var_name(s),
            &[30],
        ),
        "config_map_key" => verdict(
            parser,
            s,
            env::config_map_key(s),
            reference::config_map_key(s),
            &[34],
        ),
        "quantity" => quantity(s),
        "duration" => duration(s),
        "image" => image(s),
        "cron" => cron(s),
        "time_zone" => {
            let expected = reference::time_zone_syntax(s) && timezone::is_known_zone(s);
            verdict(parser, s, timezone::time_zone(s), expected, &[63])
        }
        other => Err(format!("unknown parser {other}")),
    }
}

fn quantity(s: &str) -> Result<(), String> {
    let got = Quantity::parse(s);
    verdict(
        "quantity",
        s,
        got.as_ref().map(|_| ()).map_err(Clone::clone),
        reference::quantity(s),
        &[48],
    )?;
    let Ok(q) = got else { return Ok(()) };
    let shown = q.to_string();
    if shown != s {
        return Err(format!("Display gives {shown:?}"));
    }
    let again: Quantity = shown
        .parse()
        .map_err(|e| format!("Display {shown:?} does not parse back: {e}"))?;
    if again != q || again.cmp_value(&q) != std::cmp::Ordering::Equal {
        return Err(format!(
            "Display {shown:?} parses back to {again:?}, not {q:?}"
        ));
    }
    if q.is_negative() && !s.starts_with('-') {
        return Err(format!("{s:?} is negative: {q:?}"));
    }
    if let Some(nanos) = reference::quantity_nanos(s) {
        if q.as_nanos() != nanos {
            return Err(format!(
                "value {} nano-units, expected {nanos}",
                q.as_nanos()
            ));
        }
    }
    Ok(())
}

fn duration(s: &str) -> Result<(), String> {
    let got = Duration::parse(s);
    let expected = reference::duration(s);
    verdict(
        "duration",
        s,
        got.clone().map(|_| ()),
        expected.is_some(),
        &[0],
    )?;
    let (Ok(d), Some(secs)) = (got, expected) else {
        return Ok(());
    };
    if d.as_secs() != secs {
        return Err(format!("{} seconds, expected {secs}", d.as_secs()));
    }
    let shown = d.to_string();
    let again = Duration::parse(&shown)
        .map_err(|e| format!("Display {shown:?} does not parse back: {e}"))?;
    if again != d {
        return Err(format!("Display {shown:?} parses back to {again:?}"));
    }
    Ok(())
}

fn image(s: &str) -> Result<(), String> {
    let got = Image::parse(s);
    if let Err(v) = &got {
        well_formed(v, &[14])?;
    }
    match (reference::image(s), &got) {
        (ImageVerdict::Valid, Ok(_)) | (ImageVerdict::Invalid, Err(_)) => {}
        // Known: the rules accept these, the kubelet refuses them (see the fuzz README).
        (ImageVerdict::TooLongOnceNormalised | ImageVerdict::HexIdentifier, _) => {}
        // Deliberate: the registry cannot be reached, so the rules refuse what the kubelet's
        // parser lets through (see `ImageVerdict::RegistryNotAHost` and the fuzz README).
        (ImageVerdict::RegistryNotAHost, Err(v)) if v.message.contains("registry") => {}
        (ImageVerdict::RegistryNotAHost, Err(v)) => {
            return Err(format!("refused without naming the registry: {v}"))
        }
        (ImageVerdict::RegistryNotAHost, Ok(_)) => {
            return Err("accepted, but its registry is no host name".to_string())
        }
        (ImageVerdict::Valid, Err(v)) => {
            return Err(format!("refused, but the kubelet accepts it: {v}"))
        }
        (ImageVerdict::Invalid, Ok(_)) => {
            return Err("accepted, but the kubelet refuses it".to_string())
        }
    }
    let Ok(image) = got else { return Ok(()) };
    let shown = image.to_string();
    if shown != s {
        return Err(format!("Display gives {shown:?}"));
    }
    let again =
        Image::parse(&shown).map_err(|e| format!("Display {shown:?} does not parse back: {e}"))?;
    if again != image {
        return Err(format!("Display {shown:?} parses back to {again:?}"));
    }
    let mut rebuilt = String::new();
    if let Some(registry) = image.registry() {
        rebuilt.push_str(registry);
        rebuilt.push('/');
    }
    rebuilt.push_str(image.repository());
    if let Some(tag) = image.tag() {
        rebuilt.push(':');
        rebuilt.push_str(tag);
    }
    if let Some(digest) = image.digest() {
        rebuilt.push('@');
        rebuilt.push_str(digest);
    }
    if rebuilt != s {
        return Err(format!(
            "the parts {image:?} do not make up the reference again"
        ));
    }
    Ok(())
}

fn cron(s: &str) -> Result<(), String> {
    let got = Schedule::parse(s);
    if let Err(v) = &got {
        well_formed(v, &[0, 61, 62])?;
    }
    let expected = reference::cron(s);
    let divergent = reference::known_divergence("cron", s).is_some();
    match (&expected, &got) {
        (CronVerdict::Fields(bits), Ok(schedule)) => {
            let sets = schedule
                .fields()
                .ok_or_else(|| "five fields parsed as a descriptor".to_string())?;
            let have = [
                sets.minute,
                sets.hour,
                sets.day_of_month,
                sets.month,
                sets.day_of_week,
            ];
            if &have != bits {
                return Err(format!("fields {have:?}, expected {bits:?}"));
            }
        }
        (CronVerdict::Descriptor, Ok(_)) => {}
        (CronVerdict::Refused(CronRefusal::StepBeyondField), Err(v)) if v.rule == 0 => {}
        (CronVerdict::Refused(CronRefusal::Robfig), Err(v)) if v.rule != 0 => {}
        _ if divergent => {}
        (expected, got) => {
            return Err(format!("expected {expected:?}, got {got:?}"));
        }
    }
    let Ok(schedule) = got else { return Ok(()) };
    let shown = schedule.to_string();
    let again = Schedule::parse(&shown)
        .map_err(|e| format!("Display {shown:?} does not parse back: {e}"))?;
    if again != schedule {
        return Err(format!("Display {shown:?} parses back to {again:?}"));
    }
    Ok(())
}

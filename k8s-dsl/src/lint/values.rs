//! Values the API server accepts that are almost always mistakes: resource quantities in the
//! wrong unit, probe timings that cannot work together, schedules that never fire.

use k8s_openapi::api::core::v1 as core;

use super::{containers, Lint};
use crate::bundle::Object;
use crate::rules::cron::Schedule;
use crate::rules::quantity::Quantity;
use crate::rules::shown;
use crate::validate::FieldPath;
use crate::workload::SpecRef;

/// The value lints of one object.
pub(super) fn object(object: &Object, found: &mut Vec<Lint>) {
    if let Some(view) = object.pod() {
        for (container, path) in containers(view.spec, &view.path) {
            resources(container, &path, found);
            probe_timings(container, &path, found);
        }
    }
    match object {
        Object::Job(job) => {
            if let Some(spec) = &job.spec {
                job_deadline(spec, &FieldPath::parse("spec"), found);
            }
        }
        Object::CronJob(cron) => {
            if let Some(spec) = cron.spec.spec_ref() {
                schedule(&spec.schedule, &FieldPath::parse("spec.schedule"), found);
                starting_deadline(spec.starting_deadline_seconds, found);
                if let Some(job) = &spec.job_template.spec {
                    job_deadline(job, &FieldPath::parse("spec.jobTemplate.spec"), found);
                }
            }
        }
        _ => {}
    }
}

/// Whether a quantity is a plain number: no suffix, no exponent (`512`, `0.5`).
fn is_plain_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// One MiB in nano-units.
const MEBIBYTE_NANOS: i128 = 1_048_576 * 1_000_000_000;
/// 100 cores in nano-units.
const HUNDRED_CORES_NANOS: i128 = 100 * 1_000_000_000;

/// `memory: 512m` (0.512 bytes), `memory: 512` (512 bytes), `cpu: 500` (500 cores).
fn resources(container: &core::Container, path: &FieldPath, found: &mut Vec<Lint>) {
    let Some(resources) = &container.resources else {
        return;
    };
    let lists = [
        ("requests", resources.requests.as_ref()),
        ("limits", resources.limits.as_ref()),
    ];
    for (field, list) in lists {
        for (name, quantity) in list.into_iter().flatten() {
            let text = quantity.0.as_str();
            let here = path.field("resources").field(field).key(name);
            let Ok(parsed) = Quantity::parse(text) else {
                continue; // an error of validation
            };
            let bytes = name == "memory" || name == "ephemeral-storage";
            if bytes && text.ends_with('m') {
                let number = text.trim_end_matches('m');
                found.push(Lint::new(
                    "memory-in-millibytes",
                    here,
                    format!(
                        "{name} {} is in thousandths of a byte (`m` is milli), so the container gets {} bytes at most",
                        shown(text),
                        parsed.as_nanos() as f64 / 1e9
                    ),
                    format!("write `{number}Mi` (mebibytes) or `{number}M` (megabytes)"),
                ));
            } else if name == "memory"
                && is_plain_number(text)
                && parsed.as_nanos() < MEBIBYTE_NANOS
            {
                found.push(Lint::new(
                    "memory-without-unit",
                    here,
                    format!(
                        "memory {} has no unit, so it is {} bytes: no container starts in that",
                        shown(text),
                        text
                    ),
                    format!("write `{text}Mi` (mebibytes) or `{text}Gi`"),
                ));
            } else if name == "cpu"
                && is_plain_number(text)
                && parsed.as_nanos() >= HUNDRED_CORES_NANOS
            {
                found.push(Lint::new(
                    "cpu-in-cores",
                    here,
                    format!(
                        "cpu {} is {text} whole cores; without a unit CPU is counted in cores, so no node may fit the pod",
                        shown(text)
                    ),
                    format!("write `{text}m` for {text} millicores"),
                ));
            }
        }
    }
}

/// The seconds a probe waits, asks and tolerates, with the API server's defaults.
struct Timing {
    initial_delay: i64,
    period: i64,
    timeout: i64,
    failure_threshold: i64,
}

impl Timing {
    fn of(probe: &core::Probe) -> Self {
        Timing {
            initial_delay: i64::from(probe.initial_delay_seconds.unwrap_or(0)),
            period: i64::from(probe.period_seconds.unwrap_or(10)),
            timeout: i64::from(probe.timeout_seconds.unwrap_or(1)),
            failure_threshold: i64::from(probe.failure_threshold.unwrap_or(3)),
        }
    }

    /// The latest time the kubelet restarts a container that never answers.
    fn kills_after(&self) -> i64 {
        self.initial_delay + self.period * self.failure_threshold
    }
}

/// A probe's timeout against its period, and liveness against readiness.
fn probe_timings(container: &core::Container, path: &FieldPath, found: &mut Vec<Lint>) {
    let probes = [
        ("livenessProbe", container.liveness_probe.as_ref()),
        ("readinessProbe", container.readiness_probe.as_ref()),
        ("startupProbe", container.startup_probe.as_ref()),
    ];
    for (field, probe) in probes {
        let Some(probe) = probe else { continue };
        let timing = Timing::of(probe);
        if timing.timeout >= timing.period {
            found.push(Lint::new(
                "probe-timeout-not-below-period",
                path.field(field).field("timeoutSeconds"),
                format!(
                    "the probe waits {}s for an answer but asks every {}s, so a slow answer overlaps the next check",
                    timing.timeout, timing.period
                ),
                "make timeoutSeconds shorter than periodSeconds",
            ));
        }
    }
    let (Some(liveness), Some(readiness)) = (&container.liveness_probe, &container.readiness_probe)
    else {
        return;
    };
    if container.startup_probe.is_some() {
        return;
    }
    let live = Timing::of(liveness);
    let ready = Timing::of(readiness);
    if live.kills_after() <= ready.initial_delay {
        found.push(Lint::new(
            "liveness-kills-before-ready",
            path.field("livenessProbe").field("initialDelaySeconds"),
            format!(
                "the readiness probe waits {}s for the app to start, but the liveness probe restarts a container that has not answered after {}s ({}s delay + {} failures every {}s): a slow start is killed before it can be ready",
                ready.initial_delay,
                live.kills_after(),
                live.initial_delay,
                live.failure_threshold,
                live.period
            ),
            "add a startup probe (`.startup_probe(...)`), or give the liveness probe an initial delay at least the readiness delay",
        ));
    }
}

/// A Job's `activeDeadlineSeconds` that ends before a probe's first check.
fn job_deadline(
    spec: &k8s_openapi::api::batch::v1::JobSpec,
    path: &FieldPath,
    found: &mut Vec<Lint>,
) {
    let Some(deadline) = spec.active_deadline_seconds else {
        return;
    };
    let Some(pod) = &spec.template.spec else {
        return;
    };
    let pod_path = path.field("template").field("spec");
    for (container, cpath) in containers(pod, &pod_path) {
        let probes = [
            ("livenessProbe", container.liveness_probe.as_ref()),
            ("readinessProbe", container.readiness_probe.as_ref()),
            ("startupProbe", container.startup_probe.as_ref()),
        ];
        for (field, probe) in probes {
            let delay = probe.and_then(|p| p.initial_delay_seconds).unwrap_or(0);
            if delay > 0 && i64::from(delay) >= deadline {
                found.push(Lint::new(
                    "job-deadline-before-probe",
                    path.field("activeDeadlineSeconds"),
                    format!(
                        "the Job is stopped after {deadline}s, but {} first checks after {delay}s",
                        cpath.field(field)
                    ),
                    "raise activeDeadlineSeconds above the probe's initial delay, or shorten the delay",
                ));
            }
        }
    }
}

/// Days in each month, February with its leap day.
const DAYS_IN_MONTH: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// A schedule whose days of the month exist in none of its months (`0 0 30 2 *`).
fn schedule(text: &str, path: &FieldPath, found: &mut Vec<Lint>) {
    let Ok(parsed) = Schedule::parse(text) else {
        return;
    };
    let Some(sets) = parsed.fields() else {
        return;
    };
    // With a day of the week given, cron runs on either day: the schedule fires on those.
    if sets.day_of_week & 0x7f != 0x7f {
        return;
    }
    let fires = DAYS_IN_MONTH.iter().enumerate().any(|(i, days)| {
        let month_bit = 1u64 << (i + 1);
        let days_mask: u64 = ((1u64 << (days + 1)) - 1) & !1;
        sets.month & month_bit != 0 && sets.day_of_month & days_mask != 0
    });
    if !fires {
        found.push(Lint::new(
            "schedule-never-fires",
            path.clone(),
            format!(
                "schedule {} names only days its months never have (April, June, September and November have 30 days, February 29), so the CronJob never runs",
                shown(text)
            ),
            "pick a day that the chosen months have (days 1-28 exist in every month), or choose months that have this day",
        ));
    }
}

/// `startingDeadlineSeconds` under the 10 seconds the CronJob controller may be late by.
fn starting_deadline(seconds: Option<i64>, found: &mut Vec<Lint>) {
    let Some(seconds) = seconds else { return };
    if (0..10).contains(&seconds) {
        found.push(Lint::new(
            "starting-deadline-too-short",
            FieldPath::parse("spec.startingDeadlineSeconds"),
            format!(
                "startingDeadlineSeconds {seconds} is shorter than the 10 seconds the CronJob controller may take to notice a schedule, so runs can be skipped"
            ),
            "set it to 10 seconds or more, or leave it out",
        ));
    }
}

//! CronJobs: a Job on a schedule (rules 3, 4 and 60-64).

use k8s_openapi::api::batch::v1 as batch;

use super::common::{meta_methods, seconds};
use super::job::Job;
use crate::meta::Meta;
use crate::rules::duration::Duration;
use crate::rules::enums::ConcurrencyPolicy;
use crate::rules::{names, shown};
use crate::validate::{At, Errors, Report, Warning};
use crate::value::Parsed;

/// A CronJob: runs a [`Job`] on a cron schedule.
///
/// The schedule is checked field by field (`0 24 * * *` gives
/// ``hour 24 out of range 0-23``, rule 61); `TZ=`/`CRON_TZ=` prefixes are rejected in favour of
/// [`time_zone`](Self::time_zone) (rule 62); the name is at most 52 characters (rule 4).
///
/// ```
/// use k8s_dsl::prelude::*;
///
/// let cron = CronJob::new("reporting-cron-job", "*/1 * * * *")
///     .job(
///         Job::unnamed()
///             .completions(3)
///             .parallelism(3)
///             .restart_policy(JobRestartPolicy::Never)
///             .template(Pod::template().container(
///                 Container::new("math-add").image("ubuntu").command(["expr", "3", "+", "2"]),
///             )),
///     )
///     .build()?;
/// assert_eq!(cron.metadata.name.as_deref(), Some("reporting-cron-job"));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone)]
pub struct CronJob {
    pub(crate) meta: Meta,
    pss: crate::pss::Policy,
    schedule: String,
    time_zone: Option<String>,
    job: Option<Job>,
    concurrency_policy: Option<ConcurrencyPolicy>,
    starting_deadline: Option<Parsed<Duration>>,
    suspend: Option<bool>,
    successful_jobs_history_limit: Option<i32>,
    failed_jobs_history_limit: Option<i32>,
}

impl CronJob {
    /// A CronJob called `name` (a DNS subdomain of at most 52 characters, rules 3 and 4) that
    /// runs on `schedule` (cron syntax or a macro such as `@hourly`, rule 61).
    pub fn new(name: impl Into<String>, schedule: impl Into<String>) -> Self {
        CronJob {
            meta: Meta::new(name),
            pss: crate::pss::Policy::default(),
            schedule: schedule.into(),
            time_zone: None,
            job: None,
            concurrency_policy: None,
            starting_deadline: None,
            suspend: None,
            successful_jobs_history_limit: None,
            failed_jobs_history_limit: None,
        }
    }

    meta_methods!();

    crate::pss::pss_methods!(job);

    /// The Job to run: usually `Job::unnamed()...`. Its labels and annotations become the job
    /// template's metadata; it may not have a selector (rule 60).
    pub fn job(mut self, job: Job) -> Self {
        self.job = Some(job.with_pss(self.pss));
        self
    }

    /// The IANA time zone of the schedule (`spec.timeZone`, such as `Europe/Berlin`; rule 63).
    pub fn time_zone(mut self, zone: impl Into<String>) -> Self {
        self.time_zone = Some(zone.into());
        self
    }

    /// What to do when a run is due while the previous one is still active (rule 64).
    pub fn concurrency_policy(mut self, policy: ConcurrencyPolicy) -> Self {
        self.concurrency_policy = Some(policy);
        self
    }

    /// How late a missed run may still start (`spec.startingDeadlineSeconds`, rule 64).
    pub fn starting_deadline(mut self, deadline: impl Into<Parsed<Duration>>) -> Self {
        self.starting_deadline = Some(deadline.into());
        self
    }

    /// Stops scheduling new runs (`spec.suspend`).
    pub fn suspend(mut self, suspend: bool) -> Self {
        self.suspend = Some(suspend);
        self
    }

    /// How many finished successful Jobs to keep (`spec.successfulJobsHistoryLimit`, rule 64).
    pub fn successful_jobs_history_limit(mut self, limit: i32) -> Self {
        self.successful_jobs_history_limit = Some(limit);
        self
    }

    /// How many failed Jobs to keep (`spec.failedJobsHistoryLimit`, rule 64).
    pub fn failed_jobs_history_limit(mut self, limit: i32) -> Self {
        self.failed_jobs_history_limit = Some(limit);
        self
    }

    /// The k8s-openapi `CronJob`, or every error found.
    pub fn build(self) -> Result<batch::CronJob, Errors> {
        self.build_with_warnings().map(|(cron, _)| cron)
    }

    /// Like [`build`](Self::build), also returning the warnings.
    pub fn build_with_warnings(self) -> Result<(batch::CronJob, Vec<Warning>), Errors> {
        let mut report = Report::new();
        let cron = self.into_k8s(&mut report);
        report.finish(cron)
    }

    /// The CronJob, checking everything into `report`.
    // Some fields are `Option<_>` in older Kubernetes versions of k8s-openapi and required in
    // newer ones (`spec`, `value`); `.into()` fits both.
    #[allow(clippy::useless_conversion)]
    pub(crate) fn into_k8s(mut self, report: &mut Report) -> batch::CronJob {
        // Rules 3 and 4: a DNS subdomain of at most 52 characters.
        let metadata = std::mem::take(&mut self.meta).into_k8s(
            &At::root().field("metadata"),
            report,
            names::cronjob_name,
        );
        let path = At::root().field("spec");
        let starting_deadline_seconds = seconds(
            report,
            &path.field("startingDeadlineSeconds"),
            self.starting_deadline.as_ref(),
            64,
            i64::MAX,
        );
        let job_template = self.job_template(&path.field("jobTemplate"), report);
        let spec = batch::CronJobSpec {
            concurrency_policy: self.concurrency_policy.map(|p| p.as_str().to_owned()),
            failed_jobs_history_limit: self.failed_jobs_history_limit,
            job_template,
            schedule: self.schedule,
            starting_deadline_seconds,
            successful_jobs_history_limit: self.successful_jobs_history_limit,
            suspend: self.suspend,
            time_zone: self.time_zone,
        };
        // The schedule, time zone, policy and limits (rules 61-64).
        crate::validate::batch::cron_job_spec(&spec, &path, report);
        batch::CronJob {
            metadata,
            spec: spec.into(),
            ..batch::CronJob::default()
        }
    }

    fn job_template(&mut self, path: &At<'_>, report: &mut Report) -> batch::JobTemplateSpec {
        let spec_path = path.field("spec");
        let Some(job) = &mut self.job else {
            report.error(
                &spec_path.field("template").field("spec").field("containers"),
                12,
                "a CronJob needs a job with a pod template",
                "call `.job(Job::unnamed().restart_policy(..).template(Pod::template().container(..)))`",
            );
            return batch::JobTemplateSpec::default();
        };
        if let Some(name) = &job.meta.name {
            report.warn(
                &path.field("metadata").field("name"),
                format!(
                    "the job's name {} is not used: each run is named after the CronJob; build the job with `Job::unnamed()`",
                    shown(name)
                ),
            );
        }
        let mut meta = std::mem::take(&mut job.meta);
        meta.name = None;
        let metadata = meta.into_k8s(&path.field("metadata"), report, names::job_name);
        let has_metadata = metadata != Default::default();
        let spec = job.spec(&spec_path, report);
        // Rule 60: the job template may not bring its own selector.
        crate::validate::batch::job_template(&spec, &spec_path, report);
        batch::JobTemplateSpec {
            metadata: has_metadata.then_some(metadata),
            spec: Some(spec),
        }
    }
}

//! The Job keys of `job!` and a CronJob's `jobTemplate`: failure and success policies, Indexed
//! Job limits, every `podReplacementPolicy`, `suspend` and `managedBy`.

fn main() {
    let code = 42;
    let job = k8s_dsl::job! {
        name: "indexed",
        completionMode: Indexed,
        completions: 4,
        parallelism: 2,
        backoffLimitPerIndex: 1,
        maxFailedIndexes: 1,
        podReplacementPolicy: Failed,
        suspend: false,
        managedBy: "example.com/queue",
        podFailurePolicy: { rules: [
            { action: FailJob, onExitCodes: { containerName: "main", operator: In, values: [code, 43] } },
            { action: FailIndex, onExitCodes: { operator: NotIn, values: [0] } },
            { action: Ignore, onPodConditions: [ { type: "DisruptionTarget", status: True } ] },
            { action: Count, onPodConditions: [ { type: "example.com/Evicted", status: Unknown } ] },
        ] },
        successPolicy: { rules: [ { succeededIndexes: "0,2-3" }, { succeededCount: 2 } ] },
        template: {
            restartPolicy: Never,
            containers: [ { name: "main", image: "busybox:1.36" } ],
        },
    };
    job.build().expect("valid job");

    let selected = k8s_dsl::job! {
        name: "selected",
        manualSelector: true,
        selector: { matchLabels: { app: "batch" }, matchExpressions: [
            { key: "tier", operator: In, values: ["jobs"] },
            { key: "zone", operator: NotIn, values: ["b"] },
            { key: "team", operator: Exists },
            { key: "legacy", operator: DoesNotExist },
        ] },
        template: {
            labels: { app: "batch", tier: "jobs", team: "data" },
            restartPolicy: Never,
            containers: [ { name: "main", image: "busybox:1.36" } ],
        },
    };
    selected.build().expect("valid job");

    let cron = k8s_dsl::cronjob! {
        name: "nightly",
        schedule: "0 3 * * *",
        jobTemplate: {
            podReplacementPolicy: TerminatingOrFailed,
            template: { restartPolicy: OnFailure, containers: [ { name: "main", image: "busybox:1.36" } ] },
        },
    };
    cron.build().expect("valid cronjob");
}

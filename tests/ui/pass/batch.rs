//! WORKLOADS 10, 11 and 12: a Job and two CronJobs, with the same block syntax for the pod part.

fn main() {
    let job = k8s_dsl::job! {
        name: "math-add-job",
        completions: 3,
        parallelism: 3,
        backoffLimit: 4,
        template: {
            restartPolicy: Never,
            containers: [ { name: "math-add", image: "ubuntu", command: ["expr", "3", "+", "2"] } ],
        },
    };
    job.build().expect("valid job");

    let reporting = k8s_dsl::cronjob! {
        name: "reporting-cron-job",
        schedule: "*/1 * * * *",
        timeZone: "Etc/UTC",
        concurrencyPolicy: Forbid,
        successfulJobsHistoryLimit: 3,
        jobTemplate: {
            completions: 3,
            parallelism: 3,
            template: {
                restartPolicy: Never,
                containers: [ { name: "math-add", image: "ubuntu", command: ["expr", "3", "+", "2"] } ],
            },
        },
    };
    reporting.build().expect("valid cronjob");

    let random = k8s_dsl::cronjob! {
        name: "random-generator",
        schedule: "*/3 * * * *",
        startingDeadlineSeconds: 1m,
        jobTemplate: {
            labels: { app: "random-generator" },
            ttlSecondsAfterFinished: 1h,
            template: {
                labels: { app: "random-generator" },
                restartPolicy: OnFailure,
                containers: [ {
                    name: "random-generator",
                    image: "k8spatterns/random-generator:1.0",
                    command: ["java", "-cp", "/", "RandomRunner", "/numbers.txt", "10000"],
                } ],
            },
        },
    };
    random.build().expect("valid cronjob");
}

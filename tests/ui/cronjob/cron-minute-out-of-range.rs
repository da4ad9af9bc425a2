fn main() {
    let _cronjob = k8s_dsl::cronjob! {
        name: "reporting-cron-job",
        schedule: "60 * * * *",
        jobTemplate: { template: { restartPolicy: Never, containers: [ { name: "report", image: "ubuntu" } ] } },
    };
}

fn main() {
    let _cronjob = k8s_dsl::cronjob! {
        name: "a-cronjob-name-that-is-longer-than-fifty-two-characters",
        schedule: "0 3 * * *",
        jobTemplate: { template: { restartPolicy: Never, containers: [ { name: "report", image: "ubuntu" } ] } },
    };
}

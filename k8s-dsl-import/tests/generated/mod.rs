//! The code `k8s-dsl-import` writes for each corpus manifest (checked by the
//! round-trip test; `K8S_DSL_IMPORT_BLESS=1 cargo test -p k8s-dsl-import --test fresh`
//! rewrites it).

pub mod batch_app;
pub mod config_configmap;
pub mod config_secret;
pub mod custom_custom_resources;
pub mod custom_kafka_topic_big_integers;
pub mod custom_unknown_fields;
pub mod custom_unsupported_kinds;
pub mod examples_app_complete;
pub mod examples_cronjob_random_generator;
pub mod examples_cronjob_reporting;
pub mod examples_custom_resource_vpa;
pub mod examples_deployment_config_template;
pub mod examples_fleet_fleet_n2;
pub mod examples_gitops_production_configmap_shop_production_web_config;
pub mod examples_gitops_production_deployment_shop_production_web;
pub mod examples_gitops_production_kustomization;
pub mod examples_gitops_production_service_shop_production_web;
pub mod examples_gitops_staging_configmap_shop_staging_web_config;
pub mod examples_gitops_staging_deployment_shop_staging_web;
pub mod examples_gitops_staging_kustomization;
pub mod examples_gitops_staging_service_shop_staging_web;
pub mod examples_hpa_random_generator;
pub mod examples_job_math_add;
pub mod examples_pod_adapter;
pub mod examples_pod_ambassador;
pub mod examples_pod_disruption_budget;
pub mod examples_pod_downward_api;
pub mod examples_pod_env_from_config;
pub mod examples_pod_init_containers;
pub mod examples_pod_lifecycle_hooks;
pub mod examples_pod_liveness_check;
pub mod examples_pod_liveness_echo;
pub mod examples_pod_readiness_exec;
pub mod examples_pod_readiness_http;
pub mod examples_pod_readiness_tcp;
pub mod examples_pod_shared_volumes;
pub mod examples_pod_sidecar;
pub mod examples_priority_class;
pub mod examples_service_types;
pub mod examples_statefulset_rg;
pub mod hostile_strings;
pub mod kubernetes_docs_backend_deployment;
pub mod kubernetes_docs_backend_service;
pub mod kubernetes_docs_cpu_constraints;
pub mod kubernetes_docs_cpu_defaults;
pub mod kubernetes_docs_csr_clusterrole_approve;
pub mod kubernetes_docs_csr_clusterrole_create;
pub mod kubernetes_docs_csr_installer_clusterrolebinding;
pub mod kubernetes_docs_csr_installer_namespace;
pub mod kubernetes_docs_csr_installer_serviceaccount;
pub mod kubernetes_docs_custom_dns;
pub mod kubernetes_docs_default_ingressclass;
pub mod kubernetes_docs_dns_busybox;
pub mod kubernetes_docs_dual_stack_default_svc;
pub mod kubernetes_docs_dual_stack_preferred_svc;
pub mod kubernetes_docs_expandable_pvc;
pub mod kubernetes_docs_external_lb;
pub mod kubernetes_docs_frontend_replicaset;
pub mod kubernetes_docs_hostaliases_pod;
pub mod kubernetes_docs_ingress_resource_backend;
pub mod kubernetes_docs_ingress_wildcard_host;
pub mod kubernetes_docs_konnectivity_rbac;
pub mod kubernetes_docs_limit_mem_cpu_container;
pub mod kubernetes_docs_limit_memory_ratio_pod;
pub mod kubernetes_docs_limit_range_pod_1;
pub mod kubernetes_docs_memory_constraints;
pub mod kubernetes_docs_memory_defaults;
pub mod kubernetes_docs_minimal_ingress;
pub mod kubernetes_docs_name_virtual_host_ingress;
pub mod kubernetes_docs_namespace_dev;
pub mod kubernetes_docs_namespace_prod;
pub mod kubernetes_docs_namespaced_params;
pub mod kubernetes_docs_network_policy_allow_all_egress;
pub mod kubernetes_docs_network_policy_allow_all_egress_deny_all_ingress;
pub mod kubernetes_docs_network_policy_allow_all_ingress;
pub mod kubernetes_docs_network_policy_default_deny_all;
pub mod kubernetes_docs_network_policy_default_deny_egress;
pub mod kubernetes_docs_network_policy_default_deny_ingress;
pub mod kubernetes_docs_networkpolicy;
pub mod kubernetes_docs_networkpolicy_multiport_egress;
pub mod kubernetes_docs_nginx_policy;
pub mod kubernetes_docs_nginx_svc;
pub mod kubernetes_docs_priority_class_resourcequota;
pub mod kubernetes_docs_priority_quota_list;
pub mod kubernetes_docs_pv_claim;
pub mod kubernetes_docs_pv_pod;
pub mod kubernetes_docs_pv_volume;
pub mod kubernetes_docs_pvc_limit_greater;
pub mod kubernetes_docs_pvc_limit_lower;
pub mod kubernetes_docs_quota_mem_cpu;
pub mod kubernetes_docs_quota_objects;
pub mod kubernetes_docs_quota_objects_pvc;
pub mod kubernetes_docs_quota_objects_pvc_2;
pub mod kubernetes_docs_quota_pod;
pub mod kubernetes_docs_quota_pod_deployment;
pub mod kubernetes_docs_run_my_nginx;
pub mod kubernetes_docs_sched_clusterrole;
pub mod kubernetes_docs_sched_pod1;
pub mod kubernetes_docs_simple_clusterrole;
pub mod kubernetes_docs_simple_clusterrolebinding;
pub mod kubernetes_docs_simple_fanout_example;
pub mod kubernetes_docs_simple_role;
pub mod kubernetes_docs_simple_rolebinding_with_clusterrole;
pub mod kubernetes_docs_simple_rolebinding_with_role;
pub mod kubernetes_docs_simple_service;
pub mod kubernetes_docs_storageclass_aws_ebs;
pub mod kubernetes_docs_storageclass_local;
pub mod kubernetes_docs_storageclass_low_latency;
pub mod kubernetes_docs_storagelimits;
pub mod kubernetes_docs_test_ingress;
pub mod kubernetes_docs_tls_example_ingress;
pub mod pods_basic;
pub mod pods_dns_and_host;
pub mod pods_env;
pub mod pods_init_containers;
pub mod pods_lifecycle;
pub mod pods_list;
pub mod pods_macro_edges;
pub mod pods_native_sidecar;
pub mod pods_placeholder_image;
pub mod pods_placement;
pub mod pods_probes_exec_tcp_grpc;
pub mod pods_probes_http;
pub mod pods_resources;
pub mod pods_roles_annotation;
pub mod pods_roles_classic;
pub mod pods_scheduling;
pub mod pods_security;
pub mod pods_unsupported_fields;
pub mod pods_volumes;
pub mod pods_volumes_raw;
pub mod policy_hpa;
pub mod policy_pdb;
pub mod policy_priorityclass;
pub mod services_clusterip;
pub mod services_headless_and_external;
pub mod services_loadbalancer;
pub mod services_nodeport;
pub mod web_app;
pub mod workloads_batch_policies;
pub mod workloads_cronjob;
pub mod workloads_daemonset;
pub mod workloads_daemonset_ondelete;
pub mod workloads_deployment_recreate;
pub mod workloads_deployment_rolling;
pub mod workloads_generated_names;
pub mod workloads_job_basic;
pub mod workloads_job_indexed;
pub mod workloads_job_manual_selector;
pub mod workloads_statefulset;

/// Each corpus file (relative to `tests/corpus`) with the function building its objects.
pub type Objects = fn() -> Result<Vec<k8s_dsl::bundle::Object>, Box<dyn std::error::Error>>;

/// Every corpus file.
pub const CASES: &[(&str, Objects)] = &[
    ("batch-app.yaml", batch_app::objects),
    ("config/configmap.yaml", config_configmap::objects),
    ("config/secret.yaml", config_secret::objects),
    (
        "custom/custom-resources.yaml",
        custom_custom_resources::objects,
    ),
    (
        "custom/kafka-topic-big-integers.yaml",
        custom_kafka_topic_big_integers::objects,
    ),
    ("custom/unknown-fields.yaml", custom_unknown_fields::objects),
    (
        "custom/unsupported-kinds.yaml",
        custom_unsupported_kinds::objects,
    ),
    ("examples/app_complete.yaml", examples_app_complete::objects),
    (
        "examples/cronjob_random_generator.yaml",
        examples_cronjob_random_generator::objects,
    ),
    (
        "examples/cronjob_reporting.yaml",
        examples_cronjob_reporting::objects,
    ),
    (
        "examples/custom_resource_vpa.yaml",
        examples_custom_resource_vpa::objects,
    ),
    (
        "examples/deployment_config_template.yaml",
        examples_deployment_config_template::objects,
    ),
    (
        "examples/fleet/fleet-n2.yaml",
        examples_fleet_fleet_n2::objects,
    ),
    (
        "examples/gitops/production/configmap_shop-production_web-config.yaml",
        examples_gitops_production_configmap_shop_production_web_config::objects,
    ),
    (
        "examples/gitops/production/deployment_shop-production_web.yaml",
        examples_gitops_production_deployment_shop_production_web::objects,
    ),
    (
        "examples/gitops/production/kustomization.yaml",
        examples_gitops_production_kustomization::objects,
    ),
    (
        "examples/gitops/production/service_shop-production_web.yaml",
        examples_gitops_production_service_shop_production_web::objects,
    ),
    (
        "examples/gitops/staging/configmap_shop-staging_web-config.yaml",
        examples_gitops_staging_configmap_shop_staging_web_config::objects,
    ),
    (
        "examples/gitops/staging/deployment_shop-staging_web.yaml",
        examples_gitops_staging_deployment_shop_staging_web::objects,
    ),
    (
        "examples/gitops/staging/kustomization.yaml",
        examples_gitops_staging_kustomization::objects,
    ),
    (
        "examples/gitops/staging/service_shop-staging_web.yaml",
        examples_gitops_staging_service_shop_staging_web::objects,
    ),
    (
        "examples/hpa_random_generator.yaml",
        examples_hpa_random_generator::objects,
    ),
    ("examples/job_math_add.yaml", examples_job_math_add::objects),
    ("examples/pod_adapter.yaml", examples_pod_adapter::objects),
    (
        "examples/pod_ambassador.yaml",
        examples_pod_ambassador::objects,
    ),
    (
        "examples/pod_disruption_budget.yaml",
        examples_pod_disruption_budget::objects,
    ),
    (
        "examples/pod_downward_api.yaml",
        examples_pod_downward_api::objects,
    ),
    (
        "examples/pod_env_from_config.yaml",
        examples_pod_env_from_config::objects,
    ),
    (
        "examples/pod_init_containers.yaml",
        examples_pod_init_containers::objects,
    ),
    (
        "examples/pod_lifecycle_hooks.yaml",
        examples_pod_lifecycle_hooks::objects,
    ),
    (
        "examples/pod_liveness_check.yaml",
        examples_pod_liveness_check::objects,
    ),
    (
        "examples/pod_liveness_echo.yaml",
        examples_pod_liveness_echo::objects,
    ),
    (
        "examples/pod_readiness_exec.yaml",
        examples_pod_readiness_exec::objects,
    ),
    (
        "examples/pod_readiness_http.yaml",
        examples_pod_readiness_http::objects,
    ),
    (
        "examples/pod_readiness_tcp.yaml",
        examples_pod_readiness_tcp::objects,
    ),
    (
        "examples/pod_shared_volumes.yaml",
        examples_pod_shared_volumes::objects,
    ),
    ("examples/pod_sidecar.yaml", examples_pod_sidecar::objects),
    (
        "examples/priority_class.yaml",
        examples_priority_class::objects,
    ),
    (
        "examples/service_types.yaml",
        examples_service_types::objects,
    ),
    (
        "examples/statefulset_rg.yaml",
        examples_statefulset_rg::objects,
    ),
    ("hostile/strings.yaml", hostile_strings::objects),
    (
        "kubernetes-docs/backend-deployment.yaml",
        kubernetes_docs_backend_deployment::objects,
    ),
    (
        "kubernetes-docs/backend-service.yaml",
        kubernetes_docs_backend_service::objects,
    ),
    (
        "kubernetes-docs/cpu-constraints.yaml",
        kubernetes_docs_cpu_constraints::objects,
    ),
    (
        "kubernetes-docs/cpu-defaults.yaml",
        kubernetes_docs_cpu_defaults::objects,
    ),
    (
        "kubernetes-docs/csr-clusterrole-approve.yaml",
        kubernetes_docs_csr_clusterrole_approve::objects,
    ),
    (
        "kubernetes-docs/csr-clusterrole-create.yaml",
        kubernetes_docs_csr_clusterrole_create::objects,
    ),
    (
        "kubernetes-docs/csr-installer-clusterrolebinding.yaml",
        kubernetes_docs_csr_installer_clusterrolebinding::objects,
    ),
    (
        "kubernetes-docs/csr-installer-namespace.yaml",
        kubernetes_docs_csr_installer_namespace::objects,
    ),
    (
        "kubernetes-docs/csr-installer-serviceaccount.yaml",
        kubernetes_docs_csr_installer_serviceaccount::objects,
    ),
    (
        "kubernetes-docs/custom-dns.yaml",
        kubernetes_docs_custom_dns::objects,
    ),
    (
        "kubernetes-docs/default-ingressclass.yaml",
        kubernetes_docs_default_ingressclass::objects,
    ),
    (
        "kubernetes-docs/dns-busybox.yaml",
        kubernetes_docs_dns_busybox::objects,
    ),
    (
        "kubernetes-docs/dual-stack-default-svc.yaml",
        kubernetes_docs_dual_stack_default_svc::objects,
    ),
    (
        "kubernetes-docs/dual-stack-preferred-svc.yaml",
        kubernetes_docs_dual_stack_preferred_svc::objects,
    ),
    (
        "kubernetes-docs/expandable-pvc.yaml",
        kubernetes_docs_expandable_pvc::objects,
    ),
    (
        "kubernetes-docs/external-lb.yaml",
        kubernetes_docs_external_lb::objects,
    ),
    (
        "kubernetes-docs/frontend-replicaset.yaml",
        kubernetes_docs_frontend_replicaset::objects,
    ),
    (
        "kubernetes-docs/hostaliases-pod.yaml",
        kubernetes_docs_hostaliases_pod::objects,
    ),
    (
        "kubernetes-docs/ingress-resource-backend.yaml",
        kubernetes_docs_ingress_resource_backend::objects,
    ),
    (
        "kubernetes-docs/ingress-wildcard-host.yaml",
        kubernetes_docs_ingress_wildcard_host::objects,
    ),
    (
        "kubernetes-docs/konnectivity-rbac.yaml",
        kubernetes_docs_konnectivity_rbac::objects,
    ),
    (
        "kubernetes-docs/limit-mem-cpu-container.yaml",
        kubernetes_docs_limit_mem_cpu_container::objects,
    ),
    (
        "kubernetes-docs/limit-memory-ratio-pod.yaml",
        kubernetes_docs_limit_memory_ratio_pod::objects,
    ),
    (
        "kubernetes-docs/limit-range-pod-1.yaml",
        kubernetes_docs_limit_range_pod_1::objects,
    ),
    (
        "kubernetes-docs/memory-constraints.yaml",
        kubernetes_docs_memory_constraints::objects,
    ),
    (
        "kubernetes-docs/memory-defaults.yaml",
        kubernetes_docs_memory_defaults::objects,
    ),
    (
        "kubernetes-docs/minimal-ingress.yaml",
        kubernetes_docs_minimal_ingress::objects,
    ),
    (
        "kubernetes-docs/name-virtual-host-ingress.yaml",
        kubernetes_docs_name_virtual_host_ingress::objects,
    ),
    (
        "kubernetes-docs/namespace-dev.yaml",
        kubernetes_docs_namespace_dev::objects,
    ),
    (
        "kubernetes-docs/namespace-prod.yaml",
        kubernetes_docs_namespace_prod::objects,
    ),
    (
        "kubernetes-docs/namespaced-params.yaml",
        kubernetes_docs_namespaced_params::objects,
    ),
    (
        "kubernetes-docs/network-policy-allow-all-egress-deny-all-ingress.yaml",
        kubernetes_docs_network_policy_allow_all_egress_deny_all_ingress::objects,
    ),
    (
        "kubernetes-docs/network-policy-allow-all-egress.yaml",
        kubernetes_docs_network_policy_allow_all_egress::objects,
    ),
    (
        "kubernetes-docs/network-policy-allow-all-ingress.yaml",
        kubernetes_docs_network_policy_allow_all_ingress::objects,
    ),
    (
        "kubernetes-docs/network-policy-default-deny-all.yaml",
        kubernetes_docs_network_policy_default_deny_all::objects,
    ),
    (
        "kubernetes-docs/network-policy-default-deny-egress.yaml",
        kubernetes_docs_network_policy_default_deny_egress::objects,
    ),
    (
        "kubernetes-docs/network-policy-default-deny-ingress.yaml",
        kubernetes_docs_network_policy_default_deny_ingress::objects,
    ),
    (
        "kubernetes-docs/networkpolicy-multiport-egress.yaml",
        kubernetes_docs_networkpolicy_multiport_egress::objects,
    ),
    (
        "kubernetes-docs/networkpolicy.yaml",
        kubernetes_docs_networkpolicy::objects,
    ),
    (
        "kubernetes-docs/nginx-policy.yaml",
        kubernetes_docs_nginx_policy::objects,
    ),
    (
        "kubernetes-docs/nginx-svc.yaml",
        kubernetes_docs_nginx_svc::objects,
    ),
    (
        "kubernetes-docs/priority-class-resourcequota.yaml",
        kubernetes_docs_priority_class_resourcequota::objects,
    ),
    (
        "kubernetes-docs/priority-quota-list.yaml",
        kubernetes_docs_priority_quota_list::objects,
    ),
    (
        "kubernetes-docs/pv-claim.yaml",
        kubernetes_docs_pv_claim::objects,
    ),
    (
        "kubernetes-docs/pv-pod.yaml",
        kubernetes_docs_pv_pod::objects,
    ),
    (
        "kubernetes-docs/pv-volume.yaml",
        kubernetes_docs_pv_volume::objects,
    ),
    (
        "kubernetes-docs/pvc-limit-greater.yaml",
        kubernetes_docs_pvc_limit_greater::objects,
    ),
    (
        "kubernetes-docs/pvc-limit-lower.yaml",
        kubernetes_docs_pvc_limit_lower::objects,
    ),
    (
        "kubernetes-docs/quota-mem-cpu.yaml",
        kubernetes_docs_quota_mem_cpu::objects,
    ),
    (
        "kubernetes-docs/quota-objects-pvc-2.yaml",
        kubernetes_docs_quota_objects_pvc_2::objects,
    ),
    (
        "kubernetes-docs/quota-objects-pvc.yaml",
        kubernetes_docs_quota_objects_pvc::objects,
    ),
    (
        "kubernetes-docs/quota-objects.yaml",
        kubernetes_docs_quota_objects::objects,
    ),
    (
        "kubernetes-docs/quota-pod-deployment.yaml",
        kubernetes_docs_quota_pod_deployment::objects,
    ),
    (
        "kubernetes-docs/quota-pod.yaml",
        kubernetes_docs_quota_pod::objects,
    ),
    (
        "kubernetes-docs/run-my-nginx.yaml",
        kubernetes_docs_run_my_nginx::objects,
    ),
    (
        "kubernetes-docs/sched-clusterrole.yaml",
        kubernetes_docs_sched_clusterrole::objects,
    ),
    (
        "kubernetes-docs/sched-pod1.yaml",
        kubernetes_docs_sched_pod1::objects,
    ),
    (
        "kubernetes-docs/simple-clusterrole.yaml",
        kubernetes_docs_simple_clusterrole::objects,
    ),
    (
        "kubernetes-docs/simple-clusterrolebinding.yaml",
        kubernetes_docs_simple_clusterrolebinding::objects,
    ),
    (
        "kubernetes-docs/simple-fanout-example.yaml",
        kubernetes_docs_simple_fanout_example::objects,
    ),
    (
        "kubernetes-docs/simple-role.yaml",
        kubernetes_docs_simple_role::objects,
    ),
    (
        "kubernetes-docs/simple-rolebinding-with-clusterrole.yaml",
        kubernetes_docs_simple_rolebinding_with_clusterrole::objects,
    ),
    (
        "kubernetes-docs/simple-rolebinding-with-role.yaml",
        kubernetes_docs_simple_rolebinding_with_role::objects,
    ),
    (
        "kubernetes-docs/simple-service.yaml",
        kubernetes_docs_simple_service::objects,
    ),
    (
        "kubernetes-docs/storageclass-aws-ebs.yaml",
        kubernetes_docs_storageclass_aws_ebs::objects,
    ),
    (
        "kubernetes-docs/storageclass-local.yaml",
        kubernetes_docs_storageclass_local::objects,
    ),
    (
        "kubernetes-docs/storageclass-low-latency.yaml",
        kubernetes_docs_storageclass_low_latency::objects,
    ),
    (
        "kubernetes-docs/storagelimits.yaml",
        kubernetes_docs_storagelimits::objects,
    ),
    (
        "kubernetes-docs/test-ingress.yaml",
        kubernetes_docs_test_ingress::objects,
    ),
    (
        "kubernetes-docs/tls-example-ingress.yaml",
        kubernetes_docs_tls_example_ingress::objects,
    ),
    ("pods/basic.yaml", pods_basic::objects),
    ("pods/dns-and-host.yaml", pods_dns_and_host::objects),
    ("pods/env.yaml", pods_env::objects),
    ("pods/init-containers.yaml", pods_init_containers::objects),
    ("pods/lifecycle.yaml", pods_lifecycle::objects),
    ("pods/list.yaml", pods_list::objects),
    ("pods/macro-edges.yaml", pods_macro_edges::objects),
    ("pods/native-sidecar.yaml", pods_native_sidecar::objects),
    (
        "pods/placeholder-image.yaml",
        pods_placeholder_image::objects,
    ),
    ("pods/placement.yaml", pods_placement::objects),
    (
        "pods/probes-exec-tcp-grpc.yaml",
        pods_probes_exec_tcp_grpc::objects,
    ),
    ("pods/probes-http.yaml", pods_probes_http::objects),
    ("pods/resources.yaml", pods_resources::objects),
    ("pods/roles-annotation.yaml", pods_roles_annotation::objects),
    ("pods/roles-classic.yaml", pods_roles_classic::objects),
    ("pods/scheduling.yaml", pods_scheduling::objects),
    ("pods/security.yaml", pods_security::objects),
    (
        "pods/unsupported-fields.yaml",
        pods_unsupported_fields::objects,
    ),
    ("pods/volumes-raw.yaml", pods_volumes_raw::objects),
    ("pods/volumes.yaml", pods_volumes::objects),
    ("policy/hpa.yaml", policy_hpa::objects),
    ("policy/pdb.yaml", policy_pdb::objects),
    ("policy/priorityclass.yaml", policy_priorityclass::objects),
    ("services/clusterip.yaml", services_clusterip::objects),
    (
        "services/headless-and-external.yaml",
        services_headless_and_external::objects,
    ),
    ("services/loadbalancer.yaml", services_loadbalancer::objects),
    ("services/nodeport.yaml", services_nodeport::objects),
    ("web-app.yaml", web_app::objects),
    (
        "workloads/batch-policies.yaml",
        workloads_batch_policies::objects,
    ),
    ("workloads/cronjob.yaml", workloads_cronjob::objects),
    (
        "workloads/daemonset-ondelete.yaml",
        workloads_daemonset_ondelete::objects,
    ),
    ("workloads/daemonset.yaml", workloads_daemonset::objects),
    (
        "workloads/deployment-recreate.yaml",
        workloads_deployment_recreate::objects,
    ),
    (
        "workloads/deployment-rolling.yaml",
        workloads_deployment_rolling::objects,
    ),
    (
        "workloads/generated-names.yaml",
        workloads_generated_names::objects,
    ),
    ("workloads/job-basic.yaml", workloads_job_basic::objects),
    ("workloads/job-indexed.yaml", workloads_job_indexed::objects),
    (
        "workloads/job-manual-selector.yaml",
        workloads_job_manual_selector::objects,
    ),
    ("workloads/statefulset.yaml", workloads_statefulset::objects),
];

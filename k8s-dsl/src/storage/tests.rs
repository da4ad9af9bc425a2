use k8s_openapi::api::core::v1 as core;
use k8s_openapi::api::storage::v1 as storage;

use crate::prelude::*;

fn claim_has(claim: &core::PersistentVolumeClaim, path: &str, rule: u16) -> bool {
    crate::validate::persistent_volume_claim(claim)
        .errors()
        .iter()
        .any(|e| e.path.as_str() == path && e.rule == rule)
}

fn volume_has(volume: &core::PersistentVolume, path: &str, rule: u16) -> bool {
    crate::validate::persistent_volume(volume)
        .errors()
        .iter()
        .any(|e| e.path.as_str() == path && e.rule == rule)
}

fn claim() -> core::PersistentVolumeClaim {
    PersistentVolumeClaim::new("data")
        .access_mode(AccessMode::ReadWriteOnce)
        .storage("1Gi")
        .build()
        .unwrap()
}

fn volume() -> core::PersistentVolume {
    PersistentVolume::host_path("pv", "/data")
        .capacity("1Gi")
        .access_mode(AccessMode::ReadWriteOnce)
        .build()
        .unwrap()
}

#[test]
fn rule_83_access_modes() {
    let mut c = claim();
    let spec = c.spec.as_mut().unwrap();
    spec.access_modes = Some(vec!["ReadWriteOnce".into(), "ReadWriteOncePod".into()]);
    assert!(claim_has(&c, "spec.accessModes", 83));
    c.spec.as_mut().unwrap().access_modes = Some(vec!["ReadWriteonce".into()]);
    assert!(claim_has(&c, "spec.accessModes", 83));
    c.spec.as_mut().unwrap().access_modes = None;
    assert!(claim_has(&c, "spec.accessModes", 83));
    let mut v = volume();
    v.spec.as_mut().unwrap().access_modes = None;
    assert!(volume_has(&v, "spec.accessModes", 83));
    let alone = PersistentVolumeClaim::new("data")
        .access_mode(AccessMode::ReadWriteOncePod)
        .storage("1Gi")
        .build();
    assert!(alone.is_ok());
}

#[test]
fn rule_84_claim_storage_class_and_mode() {
    let errors = PersistentVolumeClaim::new("data")
        .access_mode(AccessMode::ReadWriteOnce)
        .storage_class("Fast_SSD")
        .build()
        .unwrap_err();
    assert!(errors.has("spec.resources[storage]", 84));
    assert!(errors.has("spec.storageClassName", 84));
    let zero = PersistentVolumeClaim::new("data")
        .access_mode(AccessMode::ReadWriteOnce)
        .storage("0")
        .build()
        .unwrap_err();
    assert!(zero.has("spec.resources[storage]", 84));
    let mut c = claim();
    c.spec.as_mut().unwrap().volume_mode = Some("block".into());
    assert!(claim_has(&c, "spec.volumeMode", 84));
    // No dynamic provisioning: an empty class is fine.
    let empty = PersistentVolumeClaim::new("data")
        .access_mode(AccessMode::ReadWriteOnce)
        .storage("1Gi")
        .storage_class("")
        .volume_mode(VolumeMode::Block);
    assert!(empty.build().is_ok());
}

#[test]
fn rule_85_capacity_and_one_source() {
    let mut v = volume();
    let spec = v.spec.as_mut().unwrap();
    spec.capacity.as_mut().unwrap().insert(
        "memory".into(),
        k8s_openapi::apimachinery::pkg::api::resource::Quantity("1Gi".into()),
    );
    assert!(volume_has(&v, "spec.capacity", 85));
    let mut two = volume();
    two.spec.as_mut().unwrap().nfs = Some(core::NFSVolumeSource {
        server: "nfs".into(),
        path: "/x".into(),
        read_only: None,
    });
    // Every source after the first, as the API server reports them.
    assert!(volume_has(&two, "spec.nfs", 85));
    let mut none = volume();
    none.spec.as_mut().unwrap().host_path = None;
    assert!(volume_has(&none, "spec", 85));
    let errors = PersistentVolume::host_path("pv", "/data")
        .capacity("-1Gi")
        .access_mode(AccessMode::ReadWriteOnce)
        .build()
        .unwrap_err();
    assert!(errors.has("spec.capacity[storage]", 85));
}

#[test]
fn rule_86_sources() {
    let nfs = PersistentVolume::nfs("pv", "", "exports")
        .capacity("1Gi")
        .access_mode(AccessMode::ReadWriteMany)
        .build()
        .unwrap_err();
    assert!(nfs.has("spec.nfs.server", 86));
    assert!(nfs.has("spec.nfs.path", 86));
    let host = PersistentVolume::host_path("pv", "/data/../etc")
        .capacity("1Gi")
        .access_mode(AccessMode::ReadWriteOnce)
        .build()
        .unwrap_err();
    assert!(host.has("spec.hostPath.path", 86));
    let mut local = PersistentVolume::local("pv", "/mnt/disk", "node-1")
        .capacity("1Gi")
        .access_mode(AccessMode::ReadWriteOnce)
        .build()
        .unwrap();
    local.spec.as_mut().unwrap().node_affinity = None;
    assert!(volume_has(&local, "spec.nodeAffinity", 86));
    let csi = PersistentVolume::csi("pv", "Not A Driver", "")
        .capacity("1Gi")
        .access_mode(AccessMode::ReadWriteOnce)
        .build()
        .unwrap_err();
    assert!(csi.has("spec.csi.driver", 86));
    assert!(csi.has("spec.csi.volumeHandle", 86));
    let good = PersistentVolume::csi("pv", "ebs.csi.aws.com", "vol-0123")
        .capacity("1Gi")
        .access_mode(AccessMode::ReadWriteOnce);
    assert!(good.build().is_ok());
}

#[test]
fn rule_87_reclaim_policy() {
    // The API server accepts `Recycle` on any source; only `nfs` and `hostPath` are recycled.
    let (_, warnings) = PersistentVolume::csi("pv", "ebs.csi.aws.com", "vol-1")
        .capacity("1Gi")
        .access_mode(AccessMode::ReadWriteOnce)
        .reclaim_policy(ReclaimPolicy::Recycle)
        .build_with_warnings()
        .unwrap();
    assert!(warnings
        .iter()
        .any(|w| w.path.as_str() == "spec.persistentVolumeReclaimPolicy"));
    let root = PersistentVolume::host_path("pv", "/")
        .capacity("1Gi")
        .access_mode(AccessMode::ReadWriteOnce)
        .reclaim_policy(ReclaimPolicy::Recycle)
        .build()
        .unwrap_err();
    assert!(root.has("spec.persistentVolumeReclaimPolicy", 87));
    let mut v = volume();
    v.spec.as_mut().unwrap().persistent_volume_reclaim_policy = Some("Keep".into());
    assert!(volume_has(&v, "spec.persistentVolumeReclaimPolicy", 87));
    let nfs = PersistentVolume::nfs("pv", "nfs", "/x")
        .capacity("1Gi")
        .access_mode(AccessMode::ReadWriteOnce)
        .reclaim_policy(ReclaimPolicy::Recycle);
    assert!(nfs.build().is_ok());
}

#[test]
fn rule_88_storage_class() {
    let has = |class: &storage::StorageClass, path: &str| {
        crate::validate::storage_class(class)
            .errors()
            .iter()
            .any(|e| e.path.as_str() == path && e.rule == 88)
    };
    let mut class = StorageClass::new("fast", "kubernetes.io/no-provisioner")
        .build()
        .unwrap();
    class.provisioner = "two/slashes/here".into();
    assert!(has(&class, "provisioner"));
    class.provisioner = String::new();
    assert!(has(&class, "provisioner"));
    class.provisioner = "ebs.csi.aws.com".into();
    class.reclaim_policy = Some("Recycle".into());
    class.volume_binding_mode = Some("Lazy".into());
    assert!(has(&class, "reclaimPolicy"));
    assert!(has(&class, "volumeBindingMode"));
    class.reclaim_policy = None;
    class.volume_binding_mode = None;
    class.parameters = Some([(String::new(), "x".to_owned())].into());
    assert!(has(&class, "parameters"));
}

#[test]
fn stateful_set_claim_templates_are_written_without_api_version_and_kind() {
    let set = StatefulSet::new("db")
        .service_name("db")
        .template(
            Pod::template().label("app", "db").container(
                Container::new("db")
                    .image("postgres:17")
                    .mount("data", "/var/lib/postgresql"),
            ),
        )
        .volume_claim(
            VolumeClaimTemplate::new("data")
                .access_mode(AccessMode::ReadWriteOnce)
                .storage("1Gi"),
        )
        .build()
        .unwrap();
    let yaml = crate::emit::to_yaml(&Object::StatefulSet(set.clone())).unwrap();
    assert!(
        yaml.contains("volumeClaimTemplates:\n  - metadata:\n      name: data\n"),
        "{yaml}"
    );
    assert_eq!(yaml.matches("kind:").count(), 1, "{yaml}");
    let json = crate::emit::to_json(&Object::StatefulSet(set)).unwrap();
    assert!(!json.contains("PersistentVolumeClaim"), "{json}");
}

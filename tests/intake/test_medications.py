import pytest

from intake.medications import cramp_linked_classes


@pytest.mark.parametrize(
    "typed, classes",
    [
        ("atorvastatin", ["statin"]),
        ("ATORVASTATIN 20 mg", ["statin"]),
        ("  Simvastatin   40mg ", ["statin"]),
        ("Lipitor", ["statin"]),
        ("Crestor 10", ["statin"]),
        ("furosemide", ["diuretic"]),
        ("Lasix", ["diuretic"]),
        ("Hydrochlorothiazide 25 mg", ["diuretic"]),
        ("water pill", ["diuretic"]),
        ("Lisinopril/HCTZ 20-12.5", ["diuretic"]),
        ("Bendroflumethiazide 2.5 mg", ["diuretic"]),
        ("Niacin ER", ["nicotinic_acid"]),
        ("nicotinic   ACID", ["nicotinic_acid"]),
        ("Evista", ["raloxifene"]),
        ("raloxifène", ["raloxifene"]),
        ("Adalat XL 30", ["nifedipine"]),
        ("nifedipine", ["nifedipine"]),
        ("atorvastatin + furosemide", ["statin", "diuretic"]),
    ],
)
def test_cramp_linked_drugs_are_recognised_by_generic_and_brand_name(typed, classes):
    assert cramp_linked_classes(typed) == classes


@pytest.mark.parametrize("typed", ["Metformin", "Niacinamide", "Levothyroxine", "Paracetamol", ""])
def test_other_drugs_are_not_flagged(typed):
    assert cramp_linked_classes(typed) == []

"""The words seed_demo draws from: names, medicines, complaints and exam findings."""


def _words(text):
    return tuple(text.split())


FRENCH_FEMALE = _words(
    "Élodie Amélie Chloé Léa Zoé Maëlle Hélène Noémie Anaïs Geneviève Mélanie Josée Éloïse "
    "Béatrice Céline Gaëlle Solène Renée Inès Maïté"
)
FRENCH_MALE = _words(
    "François Étienne Jérôme Benoît Léo Raphaël Théo Gaël Frédéric Rémi André Noël Hervé "
    "Jean-François Cédric Loïc Joël Sébastien Stéphane Réjean"
)
ENGLISH_FEMALE = _words(
    "Margaret Sarah Emily Olivia Grace Hannah Jessica Laura Megan Rachel Fatima Priya Aisha "
    "Mei Sofia Ana Chiara Ngozi Yuki Zoë"
)
ENGLISH_MALE = _words(
    "Daniel James Michael David Thomas Andrew Robert William Liam Noah Omar Arjun Wei Mateo "
    "Kwame Luca Ivan Hiroshi Diego Samuel"
)
FRENCH_LAST = _words(
    "Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier "
    "Bélanger Lévesque Bergeron Leblanc Paquette Girard Simard Boucher Caron Beaulieu Cloutier "
    "Dubé Poirier Fournier Lapointe Leclerc Lefèvre Desjardins Thériault Béland Hébert Lachapelle "
    "Séguin Nadeau Émond Brisebois Gélinas Sénécal"
)
OTHER_LAST = _words(
    "Smith Brown Wilson MacDonald Taylor Campbell Anderson Johnson O'Neill O'Brien Murphy "
    "Williams Jones Martin Thompson White Li Wang Chen Nguyen Singh Patel Kim Okafor Mensah "
    "Rossi Ferrari Silva Santos García Müller Novák Kowalski Ivanov Haddad Khan Ahmed Cohen "
    "Yamamoto Andersson"
)
CRAMP_LINKED_DRUGS = (
    ("Atorvastatin", "20 mg"),
    ("Rosuvastatin", "10 mg"),
    ("Simvastatin", "40 mg"),
    ("Hydrochlorothiazide", "25 mg"),
    ("Furosemide", "40 mg"),
    ("Nifedipine", "30 mg"),
    ("Raloxifene (Evista)", "60 mg"),
    ("Niacin", "500 mg"),
)
OTHER_DRUGS = (
    ("Metformin", "500 mg"),
    ("Levothyroxine", "50 mcg"),
    ("Ramipril", "5 mg"),
    ("Vitamin D", "1000 IU"),
    ("Ibuprofen", "200 mg"),
    ("Acetaminophen", "500 mg"),
    ("Omeprazole", "20 mg"),
    ("Sertraline", "50 mg"),
)
FREQUENCIES = ("Once a day", "Twice a day", "At bedtime", "As needed")
COMPLAINTS = (
    "Cramps in the calves at night",
    "Crampes aux mollets la nuit",
    "Hamstring cramps when running",
    "Spasms in the lower back after sitting",
    "Crampes au pied en marchant",
    "Forearm cramps when writing",
    "Calf cramps during pregnancy",
    "Neck pain and cramps in the hand",
)
MUSCLES = ("calf", "foot", "hamstring", "thigh_front", "forearm_hand", "paraspinal", "buttock_hip")
TIMINGS = ("night", "exercise", "rest", "stretching")
STIFFNESS = ("mild", "moderate", "severe")
LUMBAR_LEVELS = ("L3", "L4", "L5", "S1")

// Phrase banks of the demo comments, written for Loupe (no real customer data): per topic and mood, in
// German and English. The seed combines one or two phrases per comment.
export type Topic = "product" | "checkout" | "search" | "hotline" | "delivery" | "returns" | "branch";
type Mood = "pos" | "neu" | "neg";
type Bank = Record<Topic | "general" | "employee", Record<Mood, string[]>> & { carrier: string[] };

const de: Bank = {
	product: {
		pos: [
			"Das Sofa ist noch schöner als auf den Fotos.",
			"Sehr gute Qualität, der Stoff fühlt sich hochwertig an.",
			"Preis-Leistung stimmt, ich bestelle wieder.",
			"Die Lampe passt perfekt ins Wohnzimmer.",
			"Tolles Design und stabil verarbeitet.",
			"Bin rundum zufrieden mit dem Regal.",
		],
		neu: [
			"Ganz okay, aber die Farbe ist etwas dunkler als gedacht.",
			"Qualität in Ordnung für den Preis.",
			"Der Tisch ist gut, die Anleitung war etwas unübersichtlich.",
			"Schön, aber kleiner als erwartet.",
		],
		neg: [
			"Der Bezug hat nach zwei Wochen schon Flecken.",
			"Die Schrauben haben nicht gepasst, sehr ärgerlich.",
			"Für den Preis hätte ich bessere Qualität erwartet.",
			"Das Kissen riecht stark nach Chemie.",
			"Eine Schublade klemmt seit dem ersten Tag.",
		],
	},
	checkout: {
		pos: [
			"Bestellung ging schnell und einfach.",
			"Bezahlen mit PayPal hat sofort geklappt.",
			"Übersichtlicher Warenkorb, alles klar.",
			"Ging ohne Kundenkonto, super.",
		],
		neu: [
			"Hat funktioniert, aber die Seite lädt etwas langsam.",
			"Die Versandkosten sieht man erst ganz am Ende.",
			"Gutscheincode musste ich zweimal eingeben.",
		],
		neg: [
			"Der Checkout ist extrem langsam, jede Seite lädt ewig.",
			"Die Zahlung ist zweimal abgebrochen, erst beim dritten Versuch ging es.",
			"Beim Bezahlen kam eine Fehlermeldung ohne Erklärung.",
			"Ich musste meine Adresse dreimal eingeben.",
			"Viel zu viele Schritte bis zur Bestellung.",
			"Nach dem Klick auf Kaufen hing die Seite minutenlang.",
			"Kreditkarte wurde nicht akzeptiert, keine Ahnung warum.",
		],
	},
	search: {
		pos: ["Die Suche hat sofort das richtige Produkt gefunden.", "Filter nach Farbe und Größe sind praktisch."],
		neu: [
			"Gefunden habe ich es, aber erst über die Kategorien.",
			"Die Ergebnisse sind etwas unsortiert.",
			"Man muss genau den richtigen Begriff kennen.",
		],
		neg: [
			"Die Suche findet das Produkt nicht, obwohl es im Sortiment ist.",
			"Bei 'Sofa grau' kommen Lampen und Kissen als Erstes.",
			"Tippfehler werden nicht erkannt, dann kommt gar nichts.",
			"Ich habe das Regal aus dem Prospekt online nicht gefunden.",
			"Die Filter setzen sich nach jedem Klick zurück.",
			"Suchergebnisse sind völlig irrelevant.",
		],
	},
	hotline: {
		pos: [
			"Die Mitarbeiterin war sehr freundlich und kompetent.",
			"Mein Problem wurde sofort gelöst.",
			"Schnell durchgekommen und gut beraten.",
		],
		neu: ["Freundlich, aber ich musste meine Daten mehrmals nennen.", "Gelöst, aber es hat gedauert."],
		neg: [
			"Über 40 Minuten in der Warteschleife, das geht gar nicht.",
			"Dreimal angerufen, jedes Mal aus der Leitung geflogen.",
			"Der versprochene Rückruf kam nie.",
			"Lange Wartezeit und am Ende keine Lösung.",
			"Ich wurde viermal weiterverbunden.",
			"Die Hotline ist zu den Stoßzeiten nicht erreichbar.",
		],
	},
	delivery: {
		pos: [
			"Lieferung kam pünktlich und gut verpackt.",
			"Der Fahrer hat das Paket sogar in den dritten Stock getragen.",
			"Schneller als angekündigt geliefert.",
			"Sendungsverfolgung war genau und zuverlässig.",
		],
		neu: ["Kam einen Tag später als angegeben, sonst okay.", "Die Ankündigung per SMS kam recht kurzfristig."],
		neg: [
			"Lieferung kam eine Woche zu spät.",
			"Der Liefertermin wurde zweimal verschoben.",
			"Paket wurde einfach vor die Tür gestellt.",
			"Sendungsverfolgung zeigte tagelang nichts an.",
		],
	},
	returns: {
		pos: ["Retoure war unkompliziert, Geld war schnell zurück.", "Rücksendeetikett direkt im Paket, sehr gut."],
		neu: ["Hat geklappt, aber die Erstattung hat zwei Wochen gedauert.", "Ich musste das Etikett selbst ausdrucken."],
		neg: [
			"Die Rücksendung ist viel zu kompliziert, ich brauche einen Drucker für das Etikett.",
			"Seit drei Wochen warte ich auf die Erstattung.",
			"Abholung für das Sofa musste ich fünfmal anfragen.",
			"Das Retourenportal bricht immer ab.",
			"Niemand fühlt sich für meine Rücksendung zuständig.",
		],
	},
	branch: {
		pos: [
			"Sehr gute Beratung in der Filiale.",
			"Schöne Ausstellung, man bekommt viele Ideen.",
			"Freundliches Personal, hat sich Zeit genommen.",
		],
		neu: ["Gute Auswahl, aber lange Schlange an der Kasse.", "Beratung okay, aber schwer jemanden zu finden."],
		neg: [
			"Der Artikel war im Laden nicht vorrätig, obwohl online verfügbar stand.",
			"Niemand hatte Zeit für eine Beratung.",
			"Nur eine Kasse offen, 20 Minuten gewartet.",
		],
	},
	general: {
		pos: ["Weiter so!", "Gerne wieder.", "Ich empfehle euch weiter."],
		neu: ["Alles in allem in Ordnung.", "Da geht noch was."],
		neg: ["So verliert ihr Kunden.", "Sehr enttäuschend.", "Ich überlege, woanders zu bestellen."],
	},
	employee: {
		pos: ["Tolles Team, ich arbeite gern hier.", "Meine Führungskraft unterstützt mich sehr."],
		neu: ["Insgesamt okay, die Schichtplanung könnte besser sein.", "Mehr Weiterbildung wäre schön."],
		neg: [
			"Zu wenig Personal, die Belastung ist seit Monaten zu hoch.",
			"Die Scanner im Lager fallen ständig aus.",
			"Entscheidungen werden nicht erklärt.",
		],
	},
	carrier: [
		"Seit dem Wechsel zu BlitzPaket kommt alles zu spät.",
		"BlitzPaket hat das Paket beschädigt abgeliefert, die Ecke war eingedrückt.",
		"Paket kam beschädigt an, der Karton war komplett zerrissen.",
		"Der neue Paketdienst hat das Paket beim Nachbarn zwei Straßen weiter abgegeben.",
		"BlitzPaket hat nicht geklingelt und einfach eine Karte eingeworfen.",
		"Die Glasplatte war gebrochen, Transportschaden.",
		"Der Zusteller von BlitzPaket war sehr unfreundlich.",
		"Sendungsverfolgung bei BlitzPaket zeigt seit Tagen 'in Zustellung'.",
	],
};

const en: Bank = {
	product: {
		pos: [
			"The sofa looks even better than in the photos.",
			"Great quality, the fabric feels premium.",
			"Good value for money, will order again.",
			"Solid build and a lovely design.",
		],
		neu: [
			"Okay, but the colour is darker than expected.",
			"Decent quality for the price.",
			"Nice, but smaller than I thought.",
		],
		neg: [
			"The cover already has stains after two weeks.",
			"The screws did not fit, very annoying.",
			"Expected better quality at this price.",
			"One drawer has been stuck since day one.",
		],
	},
	checkout: {
		pos: ["Ordering was quick and easy.", "Paying with PayPal worked right away.", "Guest checkout, great."],
		neu: ["It worked, but the pages load slowly.", "Shipping costs only show up at the very end."],
		neg: [
			"Checkout is extremely slow, every page takes ages to load.",
			"Payment failed twice before it went through.",
			"Got an error message at payment with no explanation.",
			"Far too many steps to place an order.",
			"The page froze for minutes after clicking buy.",
		],
	},
	search: {
		pos: ["Search found the right product immediately.", "Filters by colour and size are handy."],
		neu: ["Found it, but only through the categories.", "You need to know the exact term."],
		neg: [
			"Search does not find the product although you sell it.",
			"Searching for 'grey sofa' shows lamps and cushions first.",
			"Typos are not recognised, then nothing shows up.",
			"Search results are completely irrelevant.",
		],
	},
	hotline: {
		pos: ["The agent was friendly and knew what she was doing.", "My problem was solved right away."],
		neu: ["Friendly, but I had to repeat my details several times.", "Solved, but it took a while."],
		neg: [
			"Over 40 minutes on hold, unacceptable.",
			"The promised call back never came.",
			"Long wait and no solution in the end.",
			"I was transferred four times.",
		],
	},
	delivery: {
		pos: ["Delivered on time and well packed.", "Faster than announced.", "Tracking was accurate."],
		neu: ["Arrived a day late, otherwise fine.", "The delivery notice came at very short notice."],
		neg: ["Delivery came a week late.", "The delivery date was moved twice.", "Tracking showed nothing for days."],
	},
	returns: {
		pos: ["Return was easy and I got my money back quickly.", "Return label was in the box, great."],
		neu: ["It worked, but the refund took two weeks."],
		neg: [
			"Returning is far too complicated, I need a printer for the label.",
			"I have been waiting three weeks for my refund.",
			"The returns portal keeps crashing.",
		],
	},
	branch: {
		pos: ["Excellent advice in the store.", "Friendly staff who took their time."],
		neu: ["Good range, but a long queue at the till."],
		neg: [
			"The item was out of stock in the store although the website said available.",
			"Only one till open, waited 20 minutes.",
		],
	},
	general: {
		pos: ["Keep it up!", "Happy to come back."],
		neu: ["All in all okay."],
		neg: ["Very disappointing.", "Thinking about ordering elsewhere."],
	},
	employee: {
		pos: ["Great team, I like working here."],
		neu: ["Okay overall, shift planning could be better."],
		neg: ["Not enough staff, the workload has been too high for months."],
	},
	carrier: [
		"Since you switched to BlitzPaket everything arrives late.",
		"BlitzPaket delivered the parcel damaged, one corner was crushed.",
		"Parcel arrived damaged, the box was torn open.",
		"The new carrier left my parcel with a neighbour two streets away.",
		"The glass top was broken, transport damage.",
	],
};

export const BANKS: Record<"de" | "en", Bank> = { de, en };

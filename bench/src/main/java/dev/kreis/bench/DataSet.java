package dev.kreis.bench;

import java.util.Locale;
import java.util.Random;

/**
 * The deterministic customer population: customer {@code i} is the same on every run with the same
 * seed, whichever thread asks for it. Every customer has a shop profile (email + external id in
 * system {@code shop}); about 10 % also have a web-form profile carrying the same email.
 */
final class DataSet {
    static final String SHOP = "shop";
    static final String WEB_FORM = "web-form";

    private static final String[] FIRST = {
        "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hannah", "Ivan", "Julia", "Karl", "Lena",
        "Marta", "Noah", "Olga", "Paul", "Quentin", "Rosa", "Samuel", "Tilda", "Ulrich", "Vera", "Wim", "Xenia",
        "Yusuf", "Zoe", "Amir", "Birgit", "Chen", "Dana", "Emil", "Fatima", "Giulia", "Hugo", "Ines", "Jonas",
        "Kemal", "Louise", "Mateo", "Nora", "Oskar", "Priya", "Rafael", "Sofia", "Tomasz", "Ayla", "Lukas", "Mia",
        "Leon", "Emma", "Finn", "Lina", "Elias", "Mila", "Luis", "Ella", "Jakob", "Lea", "Maximilian", "Marie",
        "Moritz", "Lara", "Henry", "Frieda", "Theo", "Ida", "Anton", "Johanna", "Matteo", "Charlotte", "Leonard",
        "Amelie", "Julian", "Sophie", "Niklas", "Laura", "Tim", "Sarah", "Jan", "Lisa", "Tobias", "Katharina",
        "Stefan", "Sabine", "Thomas", "Andrea", "Michael", "Claudia", "Andreas", "Petra", "Christian", "Susanne",
        "Markus", "Nicole", "Alexander", "Stefanie", "Daniel", "Martina", "Sebastian", "Monika", "Florian", "Ursula",
        "Philipp", "Renate", "Dominik", "Helga", "Patrick", "Gisela", "Kevin", "Jana", "Marcel", "Nina", "Sven",
        "Yvonne", "Dirk", "Heike", "Jörg", "Silke", "Frank", "Anja", "Ralf", "Tanja", "Uwe", "Britta", "Bernd",
        "Kerstin", "Jürgen", "Doris", "Klaus", "Ingrid", "Wolfgang", "Karin", "Hans", "Brigitte", "Peter", "Erika",
        "Dieter", "Elke", "Fabian", "Miriam", "Robin", "Carina", "Timo", "Nadine", "Dennis", "Jasmin", "Pieter",
        "Sanne", "Lars", "Freya", "Mehmet", "Elif", "Ali", "Zeynep", "Piotr", "Agnieszka", "Marco", "Chiara",
        "Pablo", "Lucía", "Hamza", "Leyla", "Dimitri", "Katarina", "Mirko", "Ana", "Bruno", "Alice"};
    private static final String[] LAST = {
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun", "Zimmermann", "Krüger",
        "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Maier", "Huber", "Kaiser", "Fuchs", "Peters",
        "Jansen", "Rossi", "Bianchi", "García", "Martin", "Dubois", "Nowak", "Kowalski", "Novak", "Horvat", "Smith",
        "Jones", "Nielsen", "Larsen", "Yilmaz", "Schmitt", "Schmid", "Schäfer", "Bauer", "Walter", "König",
        "Schulze", "Herrmann", "Möller", "Mayer", "Frank", "Berger", "Hofmann", "Friedrich", "Vogel", "Günther",
        "Keller", "Jung", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig",
        "Böhm", "Winter", "Kraus", "Schumacher", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel",
        "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl",
        "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Ernst",
        "Hahn", "Lindner", "Krämer", "Scholz", "Hübner", "Marx", "Lang", "Weiß", "Jahn", "Böttcher", "Fiedler",
        "Gerlach", "Ulrich", "Rieger", "Wendt", "Kühne", "Behrens", "Hesse", "Dörr", "Link", "Ebert", "Thiel",
        "Beyer", "Reuter", "Schilling", "Seifert", "Kolb", "Hein", "Petersen", "Brinkmann", "Janssen", "Hansen",
        "Christensen", "Andersen", "Jensen", "Pedersen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos",
        "Vos", "Dekker", "Dijkstra", "Hendriks", "Claes", "Peeters", "Maes", "Wouters", "Mertens", "Leclerc",
        "Moreau", "Lefebvre", "Girard", "Bonnet", "Fontaine", "Ferrari", "Russo", "Romano", "Colombo", "Ricci",
        "Marino", "Greco", "Bruno", "Conti", "Moretti", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
        "Gómez", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Dvořák", "Svoboda", "Černý",
        "Procházka", "Kovač", "Kovačević", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Kaya", "Papadopoulos",
        "O'Brien", "Murphy", "Walsh", "Kelly", "Johansson", "Lindqvist", "Eriksson", "Virtanen", "Korhonen", "Nagy",
        "Tóth", "Szabó", "Popescu", "Ionescu", "Petrov", "Ivanova"};
    private static final String[] CITY = {
        "Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig",
        "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg", "Bochum", "Wuppertal",
        "Bielefeld", "Bonn", "Münster", "Mannheim", "Karlsruhe", "Augsburg", "Wiesbaden", "Mönchengladbach",
        "Gelsenkirchen", "Aachen", "Braunschweig", "Kiel", "Chemnitz", "Halle (Saale)", "Magdeburg",
        "Freiburg im Breisgau", "Krefeld", "Mainz", "Lübeck", "Erfurt", "Oberhausen", "Rostock", "Kassel", "Hagen",
        "Potsdam", "Saarbrücken", "Hamm", "Ludwigshafen am Rhein", "Oldenburg", "Osnabrück", "Leverkusen",
        "Heidelberg", "Darmstadt", "Solingen", "Regensburg", "Paderborn", "Ingolstadt", "Würzburg", "Ulm",
        "Heilbronn", "Wolfsburg", "Göttingen", "Pforzheim", "Bremerhaven", "Wien", "Graz", "Linz", "Salzburg",
        "Innsbruck", "Klagenfurt", "Zürich", "Genf", "Basel", "Lausanne", "Bern", "Winterthur", "Luzern",
        "St. Gallen", "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Antwerpen", "Gent",
        "Brüssel", "Lüttich", "Luxemburg", "Kopenhagen", "Aarhus", "Odense", "Malmö", "Wrocław", "Kraków", "Poznań",
        "Gdańsk", "Praha", "Brno", "Ljubljana", "Milano", "Bologna", "Torino"};
    private static final String[] COMPANY_STEM = {
        "Nordlicht", "Bergwerk", "Alpina", "Rheinblick", "Havel", "Elbe", "Isar", "Sonnenhof", "Kranich",
        "Blauwal", "Feldberg", "Lindenau", "Seeblick", "Tannenhof", "Morgenrot", "Mühlbach", "Ostwind",
        "Weitsicht", "Sternwarte", "Birkenweg"};
    private static final String[] COMPANY_SUFFIX = {
        "GmbH", "AG", "KG", "Logistik GmbH", "Software AG", "Handel GmbH", "Consulting", "B.V.", "Bau GmbH", "e.K."};
    private static final String[] DOMAIN = {"example.com", "example.org", "example.net", "mail.example.com"};

    /** One synthetic customer. {@code company} is null for most. */
    record Customer(int index, String email, String shopId, String firstName, String lastName, String company,
                    String city, boolean webForm) {
        String name() {
            return firstName + " " + lastName;
        }
    }

    private final long seed;
    private final int customers;

    DataSet(long seed, int customers) {
        this.seed = seed;
        this.customers = customers;
    }

    int customers() {
        return customers;
    }

    long seed() {
        return seed;
    }

    Customer customer(int i) {
        Random r = random(seed, 1, i);
        String first = pick(r, FIRST);
        String last = pick(r, LAST);
        String company = r.nextInt(100) < 30 ? pick(r, COMPANY_STEM) + " " + pick(r, COMPANY_SUFFIX) : null;
        String city = pick(r, CITY);
        boolean webForm = r.nextInt(100) < 10;
        String email = (ascii(first) + "." + ascii(last) + "." + i + "@" + pick(r, DOMAIN)).toLowerCase(Locale.ROOT);
        return new Customer(i, email, String.format(Locale.ROOT, "C%08d", i), first, last, company, city, webForm);
    }

    /** Email of customer {@code i} without building the whole record's attributes twice. */
    String email(int i) {
        return customer(i).email();
    }

    /**
     * A customer index for a touchpoint: 70 % uniform over all customers, 30 % from the 5 % "active"
     * customers (every 20th), so timelines range from a handful to well over 50 entries.
     */
    int touchpointCustomer(Random r) {
        if (customers >= 20 && r.nextInt(100) < 30) {
            return r.nextInt(customers / 20) * 20;
        }
        return r.nextInt(customers);
    }

    static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    /** A java.util.Random for (seed, stream, index), independent of call order. */
    static Random random(long seed, long stream, long index) {
        return new Random(mix(mix(seed ^ (stream * 0x9E3779B97F4A7C15L)) + index));
    }

    /** SplitMix64 finaliser: spreads nearby seeds far apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("ß", "ss").replace("ł", "l").replaceAll("[^A-Za-z]", "");
    }
}
